namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Runs one node (intent) of an assistant's flow on a case, asynchronously.</para></summary>
    [Cmdlet(VerbsLifecycle.Invoke, "WcxAssistantNode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(AssistantNodeExecution))]
    public sealed class InvokeWcxAssistantNodeCommand : WcxSessionCmdlet
    {
        private const string ByIdSet = "ByNodeId";
        private const string ByNameSet = "ByNodeName";

        /// <summary><para type="description">The id of the assistant node (intent) to run.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long NodeId { get; set; }

        /// <summary><para type="description">The assistant whose node -NodeName names. With -NodeName the command calls POST /assistans/{assistantID}/{nodeName}/execute, which only the vendor's Spanish documentation lists (its shape is an assumption).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ByNameSet)]
        [ValidateRange(1, long.MaxValue)]
        public long AssistantId { get; set; }

        /// <summary><para type="description">The name of the node (intent) of the assistant -AssistantId to run, e.g. consulta_pedido.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ByNameSet)]
        [ValidateNotNullOrEmpty]
        public string NodeName { get; set; } = "";

        /// <summary><para type="description">The case to run it on. From the pipeline it takes case ids, cases (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CaseId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Case), "CaseId")]
        public long CaseId { get; set; }

        /// <summary><para type="description">Values for the flow, as a hashtable: @{ order = '1001'; lang = 'es' }. Sent as the API's "key:value" list; an [ordered] hashtable keeps its order.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? Context { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = CaseId;
            var context = Context is null ? null : InputBinder.ContextPairs(Context);
            AssistantService.ContextList(context);
            var byName = ParameterSetName == ByNameSet;
            if (!ShouldProcess("case " + CaseId, byName ? "Run node '" + NodeName + "' of assistant " + AssistantId : "Run assistant node " + NodeId))
                return;
            WriteApiObject(Await(byName
                ? Client.Assistants.ExecuteNodeByNameAsync(AssistantId, NodeName, CaseId, context, StopToken)
                : Client.Assistants.ExecuteNodeAsync(NodeId, CaseId, context, StopToken)));
        }
    }
}
