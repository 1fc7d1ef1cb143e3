using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private ChannelService? _channels;

        /// <summary>The Channels endpoints.</summary>
        public ChannelService Channels => Service(ref _channels, (connection, pager) => new ChannelService(connection, pager));
    }
}
