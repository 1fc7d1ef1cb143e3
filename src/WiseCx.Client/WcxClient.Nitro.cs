using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private NitroService? _nitro;

        /// <summary>The Nitro endpoints: campaigns, messages, WhatsApp templates.</summary>
        public NitroService Nitro => Service(ref _nitro, (connection, pager) => new NitroService(connection, pager));
    }
}
