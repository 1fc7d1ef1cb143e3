using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private NitroService? _nitro;

        /// <summary>The Nitro endpoints; created on first use.</summary>
        public NitroService Nitro => _nitro ?? Interlocked.CompareExchange(ref _nitro, new NitroService(Connection, Pager), null) ?? _nitro;
    }
}
