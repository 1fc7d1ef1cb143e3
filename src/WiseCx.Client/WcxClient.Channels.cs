using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private ChannelService? _channels;

        /// <summary>The Channels endpoints; created on first use.</summary>
        public ChannelService Channels => _channels ?? Interlocked.CompareExchange(ref _channels, new ChannelService(Connection, Pager), null) ?? _channels;
    }
}
