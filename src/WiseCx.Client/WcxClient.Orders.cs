using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private OrderService? _orders;

        /// <summary>The Orders endpoints; created on first use.</summary>
        public OrderService Orders => _orders ?? Interlocked.CompareExchange(ref _orders, new OrderService(Connection, Pager), null) ?? _orders;
    }
}
