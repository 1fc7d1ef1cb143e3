using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private QueueService? _queues;
        private UserService? _users;
        private AnalyticsService? _analytics;

        /// <summary>Service groups (/queues) and business hours.</summary>
        public QueueService Queues => LazyInitializer.EnsureInitialized(ref _queues, () => new QueueService(Connection, Pager))!;

        /// <summary>Users (/users) and their service groups.</summary>
        public UserService Users => LazyInitializer.EnsureInitialized(ref _users, () => new UserService(Connection, Pager))!;

        /// <summary>Analytics report exports and their download.</summary>
        public AnalyticsService Analytics => LazyInitializer.EnsureInitialized(ref _analytics, () => new AnalyticsService(Connection, Pager))!;
    }
}
