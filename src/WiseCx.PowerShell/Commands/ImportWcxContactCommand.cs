using System.Globalization;
using WiseCx.Client.Services;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Imports contacts in bulk (objects or CSV rows) through the API's contact import, in batches of 50; follows the vendor's Spanish documentation.</para></summary>
    [Cmdlet(VerbsData.Import, "WcxContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContactImport))]
    public sealed class ImportWcxContactCommand : WcxSessionCmdlet
    {
        private const int ProgressId = 0x57434943;

        /// <summary><para type="description">The contacts: Contact objects, rows from Import-Csv, PSCustomObjects or hashtables. Email, Phone, Name and PersonalId (also personal_id) fill the contact's fields (FirstName and LastName make the Name when there is none); every other property goes into the contact's metadata under its own name (empty values are left out).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject?[] InputObject { get; set; } = new PSObject?[0];

        /// <summary><para type="description">The contact groups the imported contacts join (see Get-WcxContactGroup). Tab completes the ids of the session's contact groups.</para></summary>
        [Parameter(Mandatory = true)]
        [Alias("ContactGroupId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(ContactGroupIdCompleter))]
        public long[] GroupId { get; set; } = new long[0];

        /// <summary><para type="description">The field that identifies a contact that already exists: Email (default), PersonalId or Phone. Rows without it are reported and not sent.</para></summary>
        [Parameter]
        [ValidateSet("Email", "PersonalId", "Phone", IgnoreCase = true)]
        public string Identifier { get; set; } = "Email";

        /// <summary><para type="description">What to do with each row: AddUpdate (default: create new contacts and update existing ones), AddOnly or UpdateOnly.</para></summary>
        [Parameter]
        [ValidateSet("AddUpdate", "AddOnly", "UpdateOnly", IgnoreCase = true)]
        public string Action { get; set; } = "AddUpdate";

        /// <summary><para type="description">Sent as the import's fields_mapping, as given: assumed to map a metadata key to a contact field, e.g. @{ tier = 'customer_tier' }.</para></summary>
        [Parameter]
        public Hashtable? FieldMapping { get; set; }

        /// <summary><para type="description">More than 10,000 rows are refused before anything is sent; with -Split they are sent as several imports of at most 10,000 rows, one output object each.</para></summary>
        [Parameter]
        public SwitchParameter Split { get; set; }

        /// <summary><para type="description">Contacts per add request, 1 to 50 (default 50, the API's maximum).</para></summary>
        [Parameter]
        [ValidateRange(1, ContactImportService.MaxBatchSize)]
        public int BatchSize { get; set; } = ContactImportService.MaxBatchSize;

        /// <summary><para type="description">Wait until the import is completed or failed (at most -TimeoutSeconds). Without it the status is read once after the last batch.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">With -Wait, how long to wait at most (default 600 s); then the import is written as it stands, with a warning naming its id.</para></summary>
        [Parameter]
        [ValidateRange(0.0, 86400.0)]
        public double TimeoutSeconds { get; set; } = 600;

        /// <summary><para type="description">With -Wait, seconds between two status requests (default 2).</para></summary>
        [Parameter]
        [ValidateRange(0.1, 300.0)]
        public double PollIntervalSeconds { get; set; } = 2;

        private readonly List<ContactImportRow> _rows = new List<ContactImportRow>();

        protected override void ProcessWcxRecord()
        {
            foreach (var item in InputObject)
            {
                if (item != null)
                    _rows.Add(ContactImportRows.From(item));
            }
        }

        protected override void EndWcxProcessing()
        {
            var settings = new ContactImportRequest
            {
                GroupIds = GroupId, Identifier = Identifier, Action = Action,
                FieldsMapping = FieldMapping is null ? null : ContactImportRows.Mapping(FieldMapping),
            };
            var plan = ContactImportService.Plan(settings, _rows, Split.IsPresent, BatchSize);
            if (plan.Rejected.Count > 0)
                WriteWarning(plan.Rejected.Count + " of " + _rows.Count + " rows have no " + settings.Identifier + " and are not sent (rows " +
                             string.Join(", ", plan.Rejected.Take(20).Select(r => r.Row)) + (plan.Rejected.Count > 20 ? ", …" : "") + ").");
            if (plan.Imports.Count == 0)
                throw new WcxInputException("Nothing to import: " + (_rows.Count == 0 ? "no rows came." : "no row has a " + settings.Identifier + "."), "InputObject");
            var first = true;
            foreach (var rows in plan.Imports)
            {
                var what = rows.Count.ToString("N0", CultureInfo.InvariantCulture) + " contacts into group" + (GroupId.Length == 1 ? " " : "s ") +
                           string.Join(", ", GroupId) + " (" + Describe(settings.Action) + " by " + settings.Identifier.Replace('_', ' ') + ")";
                if (!ShouldProcess(what, "Import"))
                    continue;
                var activity = "Importing " + rows.Count.ToString("N0", CultureInfo.InvariantCulture) + " contacts";
                ContactImport result;
                try
                {
                    result = Client.ContactImports.Run(settings, rows, BatchSize, Wait.IsPresent, TimeSpan.FromSeconds(TimeoutSeconds),
                        TimeSpan.FromSeconds(PollIntervalSeconds), p => Report(activity, p), Fail, StopToken);
                }
                finally
                {
                    WriteProgress(new ProgressRecord(ProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
                }
                if (first && plan.Rejected.Count > 0)
                    result.Rejected = plan.Rejected.Concat(result.Rejected).OrderBy(r => r.Row).ToArray();
                first = false;
                var api = result.Rejected.Count(r => r.Source == "Api");
                if (api > 0)
                    WriteWarning("Import " + result.ImportId + ": the API rejected " + api + " row" + (api == 1 ? "" : "s") + " (see the Rejected property).");
                WriteApiObject(result);
            }
        }

        private void Report(string activity, ContactImportProgress progress)
        {
            FlushTrace();
            var record = progress.Sending
                ? new ProgressRecord(ProgressId, activity, "Sending batch " + progress.Batch + " of " + progress.Batches)
                {
                    PercentComplete = progress.Rows > 0 ? Math.Min(100, progress.RowsSent * 100 / progress.Rows) : -1,
                    CurrentOperation = progress.RowsSent + " of " + progress.Rows + " contacts sent",
                }
                : new ProgressRecord(ProgressId, activity, "Import status: " + (progress.Status?.Status ?? "unknown") +
                    (progress.Status?.Processed is long done ? ", " + done + " of " + (progress.Status.Total ?? progress.Rows) + " processed" : ""))
                {
                    PercentComplete = progress.Status?.Processed is long processed && (progress.Status.Total ?? progress.Rows) > 0
                        ? (int)Math.Min(100, processed * 100 / (progress.Status.Total ?? progress.Rows)) : -1,
                };
            WriteProgress(record);
        }

        private static string Describe(string action) =>
            action == "add_only" ? "add only" : action == "update_only" ? "update only" : "add or update";
    }
}
