using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private CaseService? _cases;

        /// <summary>Cases (/cases), their activities and attachments.</summary>
        public CaseService Cases => Service(ref _cases, (connection, pager) => new CaseService(connection, pager));
    }
}
