using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private OrderService? _orders;

        /// <summary>The Orders endpoints.</summary>
        public OrderService Orders => Service(ref _orders, (connection, pager) => new OrderService(connection, pager));
    }
}
