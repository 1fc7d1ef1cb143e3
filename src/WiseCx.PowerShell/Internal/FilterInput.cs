namespace WiseCx.PowerShell.Internal
{
    /// <summary>Reads a -Filter argument, a hashtable or a scriptblock, into conditions for the client.</summary>
    internal static class FilterInput
    {
        public const string Usage =
            "-Filter takes a hashtable such as @{ status = 'opened','pending'; created_at = @{ ge = $since } } " +
            "or a scriptblock such as { status -in 'opened','pending' -and created_at -ge $since }.";

        /// <param name="filter">The argument as bound.</param>
        /// <param name="variable">Reads a variable of the caller's scope, for $variables in scriptblocks.</param>
        public static IReadOnlyList<FilterCondition> ToConditions(object? filter, Func<string, object?> variable)
        {
            if (filter is PSObject ps && ps.BaseObject is ScriptBlock wrapped)
                filter = wrapped;
            if (filter is ScriptBlock block)
                return new ScriptBlockFilter(variable).Compile(block);
            switch (PowerShellValues.Unwrap(filter))
            {
                case null:
                    return new FilterCondition[0];
                case IDictionary dictionary:
                    return FilterBuilder.FromDictionary(dictionary);
                default:
                    throw new WcxInputException(Usage, "Filter");
            }
        }

        /// <summary>A variable reader over a session state that refuses unset variables by name.</summary>
        public static Func<string, object?> VariablesOf(SessionState state) => name =>
        {
            var variable = state.PSVariable.Get(name);
            if (variable is null)
                throw new WcxInputException("The filter uses $" + name + ", which is not set.", "Filter");
            return variable.Value;
        };
    }
}
