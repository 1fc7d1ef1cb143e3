namespace WiseCx.PowerShell.Internal
{
    /// <summary>Gives a session its PowerShell type name, WiseCx.Session, for formatting.</summary>
    internal static class SessionView
    {
        public const string TypeName = "WiseCx.Session";

        public static PSObject Wrap(WcxSession session)
        {
            var wrapped = PSObject.AsPSObject(session);
            if (!wrapped.TypeNames.Contains(TypeName))
                wrapped.TypeNames.Insert(0, TypeName);
            return wrapped;
        }
    }
}
