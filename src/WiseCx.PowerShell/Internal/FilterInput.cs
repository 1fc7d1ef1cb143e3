using System.Collections;
using System.Collections.Generic;
using WiseCx.Client.Filtering;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>Reads a -Filter argument into conditions for the client.</summary>
    internal static class FilterInput
    {
        public static IReadOnlyList<FilterCondition> ToConditions(object? filter)
        {
            switch (PowerShellValues.Unwrap(filter))
            {
                case null:
                    return new FilterCondition[0];
                case IDictionary dictionary:
                    return FilterBuilder.FromDictionary(dictionary);
                default:
                    throw new WcxInputException(
                        "-Filter takes a hashtable such as @{ status = 'opened','pending'; created_at = @{ ge = (Get-Date).AddDays(-7) } }.",
                        "Filter");
            }
        }
    }
}
