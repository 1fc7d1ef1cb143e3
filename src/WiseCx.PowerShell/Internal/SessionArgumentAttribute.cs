namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Explains a session that came through serialization (Start-Job, Invoke-Command, Import-Clixml): it arrives as a
    /// property bag without its key and token, which by design never leave the process that connected, so it cannot
    /// be used; the message says what works instead of PowerShell's bare "cannot convert".
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SessionArgumentAttribute : ArgumentTransformationAttribute
    {
        public const string CannotCrossProcesses =
            "A WiseCX session cannot be passed into another process (Start-Job, Invoke-Command, Import-Clixml): its API key and token " +
            "never leave the process that connected. Use Start-ThreadJob or ForEach-Object -Parallel with $using:session (they share this " +
            "process), or run Connect-WcxAccount inside the job (for example with the WISECX_USER and WISECX_API_KEY environment variables).";

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is PSObject wrapped && !(wrapped.BaseObject is WcxSession) && IsDeserializedSession(wrapped))
                throw new ArgumentTransformationMetadataException(CannotCrossProcesses);
            return inputData;
        }

        private static bool IsDeserializedSession(PSObject value)
        {
            foreach (var name in value.TypeNames)
            {
                if (string.Equals(name, "Deserialized." + SessionView.TypeName, StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(name, "Deserialized." + typeof(WcxSession).FullName, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
            return false;
        }
    }
}
