using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private ContactImportService? _contactImports;

        /// <summary>Bulk contact imports (the vendor's Spanish documentation: POST /contacts/import and its batches).</summary>
        public ContactImportService ContactImports => Service(ref _contactImports, (connection, pager) => new ContactImportService(connection, pager));
    }
}
