namespace WiseCx
{
    /// <summary>The body of POST /assistans/node/{id}/execute: the case, and context as "key:value" strings.</summary>
    public sealed class AssistantNodeExecuteRequest
    {
        public long CaseId { get; set; }
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

        /// <summary>The case it was executed on; not part of the API's answer.</summary>
        public long CaseId { get; set; }

        public override string ToString() => "Node " + NodeId + " on case " + CaseId + ": " + Message;
    }
}
