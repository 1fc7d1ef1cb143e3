namespace WiseCx.Client.Http
{
    /// <summary>
    /// The session was disconnected (Disconnect-WcxAccount, or the client disposed) before or while a request was
    /// sent. Whatever the HTTP stack threw at that moment is kept as the inner exception.
    /// </summary>
    public sealed class WcxDisconnectedException : InvalidOperationException
    {
        /// <summary>The one message every disconnected request reports.</summary>
        public const string DefaultMessage = "This WiseCX session was disconnected. Run Connect-WcxAccount again.";

        /// <summary>Creates the exception, keeping <paramref name="innerException"/> (if any) for -Debug and logs.</summary>
        public WcxDisconnectedException(Exception? innerException = null) : base(DefaultMessage, innerException) { }
    }
}
