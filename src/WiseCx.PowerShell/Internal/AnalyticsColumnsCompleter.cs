using System.Management.Automation.Language;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>Completes -Columns with the two column sets the API documents (column names depend on the report).</summary>
    public sealed class AnalyticsColumnsCompleter : IArgumentCompleter
    {
        private static readonly string[] Sets = { "all", "only_visible" };

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return Sets.Where(s => s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                       .Select(s => new CompletionResult(s, s, CompletionResultType.ParameterValue, s));
        }
    }
}
