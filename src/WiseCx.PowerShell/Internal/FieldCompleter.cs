using System.Management.Automation.Language;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Completes -Property and -Sort with the documented field names of the endpoint behind the command being typed,
    /// and ConvertTo-WcxFilter's -Command with the list commands.
    /// </summary>
    public sealed class FieldCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            var target = commandName;
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Command"))
                target = fakeBoundParameters["Command"] as string ?? commandName;
            var fields = EndpointRegistry.ForCommand(target)?.Fields ?? (IEnumerable<string>)new string[0];
            return fields
                .Where(f => f.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(f => new CompletionResult(f, f, CompletionResultType.ParameterValue, f));
        }
    }

    /// <summary>
    /// Completes -Filter with the start of a hashtable naming a filterable field of the endpoint, in the module's
    /// property names (<c>-Filter Gr&lt;Tab&gt;</c> → <c>@{ GroupId = </c>). PowerShell never calls an argument completer
    /// for a key inside a hashtable literal (it completes those from the parameter's .NET type, and -Filter takes a
    /// hashtable or a scriptblock), so the key is offered where the argument starts.
    /// </summary>
    public sealed class FilterFieldCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            // "@{" or "@{ Gr" as the word: the key typed so far, when PowerShell passes the unfinished literal as text.
            if (word.StartsWith("@{", StringComparison.Ordinal))
                word = word.Substring(2).TrimStart();
            if (word.IndexOfAny(new[] { '{', '}', '=', ';', '$', '(', ' ' }) >= 0)
                return new CompletionResult[0];
            var target = commandName;
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Command"))
                target = fakeBoundParameters["Command"] as string ?? commandName;
            var endpoint = EndpointRegistry.ForCommand(target);
            if (endpoint is null)
                return new CompletionResult[0];
            return endpoint.FilterableFields
                .Select(field => (Field: field, Shown: FieldNames.PropertyNameOf(field, endpoint.FilterableFields, endpoint.Path)))
                .Where(f => f.Shown.StartsWith(word, StringComparison.OrdinalIgnoreCase) || f.Field.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(f => new CompletionResult("@{ " + f.Shown + " = ", f.Shown, CompletionResultType.ParameterValue,
                    f.Shown + " (" + f.Field + "): " + string.Join(", ", endpoint.OperatorsFor(f.Field)!.Select(FilterOperators.ShortName))));
        }
    }

    /// <summary>Completes the names of the list commands (ConvertTo-WcxFilter -Command).</summary>
    public sealed class ListCommandCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return EndpointRegistry.ListCommands
                .Where(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(c, c, CompletionResultType.ParameterValue, c));
        }
    }
}
