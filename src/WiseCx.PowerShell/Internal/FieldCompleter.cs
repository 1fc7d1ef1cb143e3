using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using WiseCx.Client.Filtering;

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
