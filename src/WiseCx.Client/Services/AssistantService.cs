namespace WiseCx.Client.Services
{
    /// <summary>Assistants: running one node (intent) of an assistant's flow on a case.</summary>
    public sealed class AssistantService : ApiService
    {
        /// <summary>Creates the service over the session's connection (WcxClient registers it).</summary>
        public AssistantService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>
        /// POST /assistans/node/{id}/execute (the API's spelling). The flow runs asynchronously; the answer only says
        /// it was accepted. Context pairs become the API's <c>"key:value"</c> strings, in the order given.
        /// </summary>
        public async Task<AssistantNodeExecution> ExecuteNodeAsync(long nodeId, long caseId,
            IEnumerable<KeyValuePair<string, string?>>? context, CancellationToken cancellationToken)
        {
            RequireId(nodeId, "assistant node", "NodeId");
            RequireId(caseId, "case", "CaseId");
            var request = new AssistantNodeExecuteRequest { CaseId = caseId, Context = ContextList(context) };
            var result = await SendAsync<AssistantNodeExecution>(HttpMethod.Post, "assistans/node/" + nodeId + "/execute", request,
                wrapped: false, cancellationToken).ConfigureAwait(false);
            result.NodeId = nodeId;
            result.CaseId = caseId;
            return result;
        }

        /// <summary>
        /// POST /assistans/{assistantID}/{nodeName}/execute (sic), from the vendor's Spanish documentation: runs a node of
        /// an assistant by its name, with the same body as by id. The node name is escaped as one path segment.
        /// </summary>
        public async Task<AssistantNodeExecution> ExecuteNodeByNameAsync(long assistantId, string nodeName, long caseId,
            IEnumerable<KeyValuePair<string, string?>>? context, CancellationToken cancellationToken)
        {
            RequireId(assistantId, "assistant", "AssistantId");
            RequireText(nodeName, "NodeName");
            RequireId(caseId, "case", "CaseId");
            var name = nodeName.Trim();
            var request = new AssistantNodeExecuteRequest { CaseId = caseId, Context = ContextList(context) };
            var result = await SendAsync<AssistantNodeExecution>(HttpMethod.Post,
                "assistans/" + assistantId + "/" + Uri.EscapeDataString(name) + "/execute", request,
                wrapped: false, cancellationToken).ConfigureAwait(false);
            result.AssistantId = assistantId;
            result.NodeName = name;
            result.CaseId = caseId;
            return result;
        }

        /// <summary>Context pairs as the API's <c>"key:value"</c> strings; refuses keys the form cannot carry.</summary>
        public static List<string>? ContextList(IEnumerable<KeyValuePair<string, string?>>? context)
        {
            if (context is null)
                return null;
            var list = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in context)
            {
                var key = pair.Key?.Trim();
                if (string.IsNullOrEmpty(key))
                    throw new WcxInputException("A context key is empty.", "Context");
                // The API splits "key:value" at a colon: one in the key would move the split.
                if (key!.IndexOf(':') >= 0)
                    throw new WcxInputException("The context key '" + key + "' holds a colon, which the API's \"key:value\" form cannot carry.", "Context");
                if (!seen.Add(key))
                    throw new WcxInputException("The context key '" + key + "' is given twice.", "Context");
                list.Add(key + ":" + (pair.Value ?? ""));
            }
            return list.Count == 0 ? null : list;
        }
    }
}
