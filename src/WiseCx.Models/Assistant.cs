namespace WiseCx
{
    /// <summary>The body of POST /assistans/node/{id}/execute: the case, and context as "key:value" strings.</summary>
    public sealed class AssistantNodeExecuteRequest
    {
        /// <summary>The case the intent runs on.</summary>
        public long CaseId { get; set; }

        /// <summary>Values handed to the flow, each "key:value"; null sends none.</summary>
        public List<string>? Context { get; set; }
    }

    /// <summary>
    /// The API's answer to an assistant node execution (it runs asynchronously: the answer says it was accepted, not
    /// what the flow did), with the node and case it was asked for.
    /// </summary>
    public sealed class AssistantNodeExecution : WcxObject
    {
        /// <summary>The id the API answers with.</summary>
        public long? Id { get; set; }

        /// <summary>The API's message, "OK" when accepted.</summary>
        public string? Message { get; set; }

        /// <summary>The assistant node (intent) that was executed; not part of the API's answer.</summary>
        public long NodeId { get; set; }

        /// <summary>The assistant whose node was run by name (Invoke-WcxAssistantNode -AssistantId -NodeName); null when run by node id.</summary>
        public long? AssistantId { get; set; }

        /// <summary>The name of the node run by name; null when run by node id.</summary>
        public string? NodeName { get; set; }

        /// <summary>The case it was executed on; not part of the API's answer.</summary>
        public long CaseId { get; set; }

        /// <summary>The node, the case and the API's message, e.g. <c>Node 420 on case 107821: OK</c> (or <c>Node 'inicio' of assistant 7 …</c>).</summary>
        public override string ToString() =>
            (NodeName is null ? "Node " + NodeId : "Node '" + NodeName + "' of assistant " + AssistantId) + " on case " + CaseId + ": " + Message;
    }
}
