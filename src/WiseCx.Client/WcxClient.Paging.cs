using WiseCx.Client.Paging;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        /// <summary>
        /// List pages this session asked for that turned out not to be needed (<see cref="Paging.Pager.SpeculativePageRequests"/>):
        /// prefetched past the end of a list that reports no total, or dropped unread when a read stopped early.
        /// </summary>
        public long SpeculativePageRequests => Pager.SpeculativePageRequests;
    }
}
