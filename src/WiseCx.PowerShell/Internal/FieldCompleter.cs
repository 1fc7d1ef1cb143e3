using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using WiseCx.Client.Filtering;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>Completes -Property and -Sort with the documented field names of one endpoint.</summary>
    public abstract class FieldCompleter : IArgumentCompleter
    {
        internal abstract EndpointSpec Endpoint { get; }

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return Endpoint.Fields
                .Where(f => f.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(f => new CompletionResult(f, f, CompletionResultType.ParameterValue, f));
        }
    }

    /// <summary>Field names of /cases.</summary>
    public sealed class CaseFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.Cases;
    }
}
