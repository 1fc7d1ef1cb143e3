namespace WiseCx.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends any request to the WiseCX API with the session's authentication, retries and paging.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "WcxRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeWcxRequestCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The HTTP method: GET (the default), POST, PUT, DELETE or PATCH.</para></summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "DELETE", "PATCH", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary><para type="description">The path below the API root, such as cases/123 or /contacts (a full URL on the session's host is accepted too).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary><para type="description">Query parameters as a hashtable; values are encoded for you (dates in the API's UTC form, lists comma-separated). The output of ConvertTo-WcxFilter goes here as filtering.</para></summary>
        [Parameter]
        public IDictionary? Query { get; set; }

        /// <summary><para type="description">The request body: a hashtable or object (sent as JSON), or a JSON string sent as it is.</para></summary>
        [Parameter]
        public object? Body { get; set; }

        /// <summary><para type="description">Read every page of a list endpoint and output each item, whatever the endpoint's list shape (GET only).</para></summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary><para type="description">Items per page with -All, 1 to 100.</para></summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Path;
            var method = Method.ToUpperInvariant();
            var query = (IDictionary?)PowerShellValues.Unwrap(Query);
            if (All)
            {
                if (method != "GET")
                    throw new WcxInputException("-All reads pages of a list: it goes with GET only.", "All");
                foreach (var item in Client.Raw.ListAll(Path, query, PageSize, StopToken))
                    WriteObject(PowerShellValues.ToPSObject(item));
                return;
            }
            var body = Body is null ? null : PowerShellValues.ToRequestBody(Body);
            var relative = Client.Raw.RelativePath(Path);
            if (method != "GET" && !ShouldProcess(relative, method))
                return;
            var answer = Await(Client.Raw.SendAsync(method, relative, query, body, StopToken));
            WriteObject(PowerShellValues.ToPSObject(answer), enumerateCollection: true);
        }
    }
}
