using System.Diagnostics;
using System.Globalization;

namespace WiseCx.Client.Services
{
    /// <summary>
    /// Bulk contact imports (POST /contacts/import, POST /contacts/import/{id}/add, GET /contacts/import/{id}/status): the
    /// endpoints only the vendor's Spanish documentation lists, so every shape here is an assumption, read tolerantly.
    /// An add is a POST that is never repeated once it may have reached the API: a batch whose outcome is unknown is
    /// reported as uncertain and the next batches go on.
    /// </summary>
    public sealed partial class ContactImportService : ApiService
    {
        /// <summary>The documented maximum of contacts per add request.</summary>
        public const int MaxBatchSize = 50;

        /// <summary>The documented maximum of contacts per import.</summary>
        public const int MaxRowsPerImport = 10000;

        private const string ImportPath = "contacts/import";

        /// <summary>Used by <see cref="WcxClient.ContactImports"/>.</summary>
        public ContactImportService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>The API's word for an identifier: Email → email, PersonalId → personal_id, Phone → phone (any letter case, the API's words too).</summary>
        public static string IdentifierWord(string? identifier)
        {
            switch ((identifier ?? "").Replace("_", "").Trim().ToLowerInvariant())
            {
                case "":
                case "email":
                    return "email";
                case "personalid":
                    return "personal_id";
                case "phone":
                    return "phone";
                default:
                    throw new WcxInputException("-Identifier is Email, PersonalId or Phone; got '" + identifier + "'.", "Identifier");
            }
        }

        /// <summary>The API's word for an action: AddUpdate → add_update, AddOnly → add_only, UpdateOnly → update_only.</summary>
        public static string ActionWord(string? action)
        {
            switch ((action ?? "").Replace("_", "").Trim().ToLowerInvariant())
            {
                case "":
                case "addupdate":
                    return "add_update";
                case "addonly":
                    return "add_only";
                case "updateonly":
                    return "update_only";
                default:
                    throw new WcxInputException("-Action is AddUpdate, AddOnly or UpdateOnly; got '" + action + "'.", "Action");
            }
        }

        /// <summary>A row's value of the identifier (the API's word), trimmed; null when it has none.</summary>
        public static string? IdentifierValue(ContactImportRow row, string identifierWord)
        {
            var value = identifierWord == "personal_id" ? row.PersonalId : identifierWord == "phone" ? row.Phone : row.Email;
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }

        /// <summary>
        /// Checks the settings and the rows, before anything is sent: rows without the identifier's value are set aside
        /// as rejected; more than <see cref="MaxRowsPerImport"/> sendable rows are refused unless <paramref name="split"/>,
        /// which cuts them into several imports. Rows are numbered from 1 in input order.
        /// </summary>
        public static ContactImportPlan Plan(ContactImportRequest settings, IReadOnlyList<ContactImportRow> rows, bool split, int batchSize)
        {
            if (settings is null)
                throw new ArgumentNullException(nameof(settings));
            if (settings.GroupIds is null || settings.GroupIds.Length == 0)
                throw new WcxInputException("An import needs at least one contact group: give -GroupId.", "GroupId");
            foreach (var group in settings.GroupIds)
                RequireId(group, "contact group", "GroupId");
            if (batchSize < 1 || batchSize > MaxBatchSize)
                throw new WcxInputException("-BatchSize is 1 to " + MaxBatchSize + " (the API's maximum per request); got " + batchSize + ".", "BatchSize");
            settings.Identifier = IdentifierWord(settings.Identifier);
            settings.Action = ActionWord(settings.Action);

            var rejected = new List<ContactImportRejection>();
            var sendable = new List<PlannedRow>();
            for (var i = 0; i < rows.Count; i++)
            {
                var value = IdentifierValue(rows[i], settings.Identifier);
                if (value is null)
                    rejected.Add(new ContactImportRejection
                    {
                        Row = i + 1, Source = "Module",
                        Reason = "no " + settings.Identifier + " (the import's identifier): not sent",
                    });
                else
                    sendable.Add(new PlannedRow(i + 1, value, rows[i]));
            }
            if (sendable.Count > MaxRowsPerImport && !split)
                throw new WcxInputException(
                    sendable.Count.ToString("N0", CultureInfo.InvariantCulture) + " rows to import, more than the API's " +
                    MaxRowsPerImport.ToString("N0", CultureInfo.InvariantCulture) + " per import: nothing was sent. Add -Split to send them as several imports.",
                    "Split");
            var imports = new List<IReadOnlyList<PlannedRow>>();
            for (var start = 0; start < sendable.Count; start += MaxRowsPerImport)
                imports.Add(sendable.GetRange(start, Math.Min(MaxRowsPerImport, sendable.Count - start)));
            return new ContactImportPlan(imports, rejected);
        }

        /// <summary>Starts an import (POST /contacts/import, never repeated); returns its id (id or import_id, bare or wrapped).</summary>
        public async Task<string> StartAsync(ContactImportRequest settings, CancellationToken cancellationToken)
        {
            var started = await SendAsync<ContactImportStarted>(HttpMethod.Post, ImportPath, settings, wrapped: false, cancellationToken).ConfigureAwait(false);
            var id = !string.IsNullOrWhiteSpace(started.Id) ? started.Id : started.ImportId;
            if (string.IsNullOrWhiteSpace(id))
                throw new WcxResponseFormatException(200, "POST", ImportPath, "the answer names no import id (id or import_id)");
            return id!.Trim();
        }

        /// <summary>Sends one batch (POST /contacts/import/{id}/add, never repeated).</summary>
        public Task<ContactImportAddResult> AddAsync(string importId, IReadOnlyList<ContactImportRow> contacts, CancellationToken cancellationToken)
        {
            var id = RequireImportId(importId);
            if (contacts is null || contacts.Count == 0 || contacts.Count > MaxBatchSize)
                throw new WcxInputException("An add request carries 1 to " + MaxBatchSize + " contacts.", "BatchSize");
            return SendAsync<ContactImportAddResult>(HttpMethod.Post, ImportPath + "/" + id + "/add",
                new ContactImportAddRequest { Contacts = contacts.ToList() }, wrapped: false, cancellationToken);
        }

        /// <summary>The import's progress (GET /contacts/import/{id}/status).</summary>
        public Task<ContactImportStatus> GetStatusAsync(string importId, CancellationToken cancellationToken)
        {
            var id = RequireImportId(importId);
            return GetObjectAsync<ContactImportStatus>(ImportPath + "/" + id + "/status", wrapped: false, cancellationToken);
        }

        private static string RequireImportId(string? importId)
        {
            if (string.IsNullOrWhiteSpace(importId))
                throw new WcxInputException("An import id is required.", "ImportId");
            return Uri.EscapeDataString(importId!.Trim());
        }
    }

    /// <summary>A row about to be sent: its number in the input and its identifier value.</summary>
    public sealed class PlannedRow
    {
        /// <summary>A row numbered <paramref name="number"/> (from 1) in the input.</summary>
        public PlannedRow(int number, string identifierValue, ContactImportRow contact)
        {
            Number = number;
            IdentifierValue = identifierValue;
            Contact = contact;
        }

        /// <summary>The row's number in the input, from 1.</summary>
        public int Number { get; }

        /// <summary>The row's identifier value.</summary>
        public string IdentifierValue { get; }

        /// <summary>What is sent.</summary>
        public ContactImportRow Contact { get; }
    }

    /// <summary>What <see cref="ContactImportService.Plan"/> decided: the imports to run and the rows refused before sending.</summary>
    public sealed class ContactImportPlan
    {
        /// <summary>The plan's imports (each at most <see cref="ContactImportService.MaxRowsPerImport"/> rows) and rejected rows.</summary>
        public ContactImportPlan(IReadOnlyList<IReadOnlyList<PlannedRow>> imports, IReadOnlyList<ContactImportRejection> rejected)
        {
            Imports = imports;
            Rejected = rejected;
        }

        /// <summary>One list of rows per import to run.</summary>
        public IReadOnlyList<IReadOnlyList<PlannedRow>> Imports { get; }

        /// <summary>Rows refused before sending.</summary>
        public IReadOnlyList<ContactImportRejection> Rejected { get; }
    }

    /// <summary>Where a running import stands, for a progress bar.</summary>
    public sealed class ContactImportProgress
    {
        /// <summary>True while batches are being sent, false while the status is being waited for.</summary>
        public bool Sending { get; set; }

        /// <summary>The batch about to be sent (from 1).</summary>
        public int Batch { get; set; }

        /// <summary>The batches of the import.</summary>
        public int Batches { get; set; }

        /// <summary>Rows sent so far.</summary>
        public int RowsSent { get; set; }

        /// <summary>Rows of the import.</summary>
        public int Rows { get; set; }

        /// <summary>The last status read, while waiting.</summary>
        public ContactImportStatus? Status { get; set; }

        /// <summary>Time waited so far.</summary>
        public TimeSpan Waited { get; set; }
    }
}
