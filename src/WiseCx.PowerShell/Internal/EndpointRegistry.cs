using WiseCx.PowerShell.Commands;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>Which endpoint table each list cmdlet uses, found once from the cmdlet classes themselves.</summary>
    internal static class EndpointRegistry
    {
        private static readonly Lazy<Dictionary<string, EndpointSpec>> ByCommand = new Lazy<Dictionary<string, EndpointSpec>>(Build);

        public static IEnumerable<string> ListCommands => ByCommand.Value.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase);

        public static EndpointSpec? ForCommand(string? commandName) =>
            commandName != null && ByCommand.Value.TryGetValue(commandName, out var spec) ? spec : null;

        private static Dictionary<string, EndpointSpec> Build()
        {
            var result = new Dictionary<string, EndpointSpec>(StringComparer.OrdinalIgnoreCase);
            foreach (var type in typeof(WcxListCmdlet).Assembly.GetTypes())
            {
                if (type.IsAbstract || !typeof(WcxListCmdlet).IsAssignableFrom(type))
                    continue;
                var attribute = (CmdletAttribute?)Attribute.GetCustomAttribute(type, typeof(CmdletAttribute));
                if (attribute is null)
                    continue;
                var command = (WcxListCmdlet)Activator.CreateInstance(type)!;
                result[attribute.VerbName + "-" + attribute.NounName] = command.Endpoint;
            }
            return result;
        }
    }
}
