using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private RawService? _raw;

        /// <summary>Any path with the session's auth, retries and paging (Invoke-WcxRequest).</summary>
        public RawService Raw => Service(ref _raw, (connection, pager) => new RawService(connection, pager));
    }
}
