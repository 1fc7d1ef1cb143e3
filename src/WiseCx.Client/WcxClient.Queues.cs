using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private QueueService? _queues;
        private UserService? _users;
        private AnalyticsService? _analytics;

        /// <summary>Service groups (/queues) and business hours.</summary>
        public QueueService Queues => Service(ref _queues, (connection, pager) => new QueueService(connection, pager));

        /// <summary>Users (/users) and their service groups.</summary>
        public UserService Users => Service(ref _users, (connection, pager) => new UserService(connection, pager));

        /// <summary>Analytics report exports and their download.</summary>
        public AnalyticsService Analytics => Service(ref _analytics, (connection, pager) => new AnalyticsService(connection, pager));
    }
}
