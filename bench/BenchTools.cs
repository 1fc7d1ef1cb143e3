// Measuring aids for bench/, compiled by Invoke-Bench.ps1 (Add-Type -OutputAssembly) and loaded by the child
// processes. Not part of the module.
#nullable enable
using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WiseCx.Bench
{
    /// <summary>
    /// The pipeline's end in every streaming measurement, for the module and the baseline alike: counts the objects and
    /// notes when the first and the last arrived on the given clock. Compiled, so that the consumer costs well under a
    /// microsecond per object and does not blur the comparison (ForEach-Object costs several).
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "BenchStream")]
    [OutputType(typeof(PSObject))]
    public sealed class MeasureBenchStreamCommand : PSCmdlet
    {
        private long _count;
        private double _firstMs = -1;
        private double _lastMs = -1;

        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        [Parameter(Mandatory = true)]
        public Stopwatch? Clock { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject == null)
                return;
            _lastMs = Clock!.Elapsed.TotalMilliseconds;
            if (_count++ == 0)
                _firstMs = _lastMs;
        }

        protected override void EndProcessing()
        {
            var result = new PSObject();
            result.Properties.Add(new PSNoteProperty("Count", _count));
            result.Properties.Add(new PSNoteProperty("FirstMs", _firstMs));
            result.Properties.Add(new PSNoteProperty("LastMs", _lastMs));
            WriteObject(result);
        }
    }

    /// <summary>
    /// An HTTP handler that answers from memory: /authenticate with a token, and a list path with the page the
    /// <c>page</c> query parameter asks for (an empty page after the last). Lets the materialise scenario run the
    /// module's whole read path (HTTP pipeline, JSON, paging, pipeline objects) with no network.
    /// </summary>
    public sealed class CannedPagesHandler : HttpMessageHandler
    {
        private static readonly byte[] Token = Encoding.UTF8.GetBytes("{\"status\":\"ok\",\"message\":\"Authentication success.\",\"token\":\"bench\"}");
        private static readonly byte[] Empty = Encoding.UTF8.GetBytes("{\"data\":[],\"paging\":{\"next\":null,\"page\":1,\"limit\":100}}");
        private readonly byte[][] _pages;
        private long _requests;

        public CannedPagesHandler(byte[][] pages)
        {
            _pages = pages ?? throw new ArgumentNullException(nameof(pages));
        }

        /// <summary>Requests answered so far.</summary>
        public long Requests => Interlocked.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var uri = request.RequestUri!;
            byte[] body;
            if (uri.AbsolutePath.EndsWith("/authenticate", StringComparison.Ordinal))
            {
                body = Token;
            }
            else
            {
                var page = PageOf(uri.Query);
                body = page >= 1 && page <= _pages.Length ? _pages[page - 1] : Empty;
            }
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            return Task.FromResult(response);
        }

        private static int PageOf(string query)
        {
            foreach (var part in query.TrimStart('?').Split('&'))
            {
                if (part.StartsWith("page=", StringComparison.Ordinal) && int.TryParse(part.Substring(5), out var page))
                    return page;
            }
            return 1;
        }
    }
}
