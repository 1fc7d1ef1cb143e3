using System.Diagnostics;

namespace WiseCx.Client.Services
{
    public sealed partial class ContactImportService
    {
        private const int MaxIdentifiersNamed = 10;

        /// <summary>
        /// Runs one planned import on the calling thread: starts it, sends its rows in batches of
        /// <paramref name="batchSize"/>, then reads its status once, or until it is completed or failed when
        /// <paramref name="wait"/> (at most <paramref name="timeout"/>; the result then says where it stood). A batch
        /// refused outright (4xx) has its rows rejected; a batch whose outcome is unknown is never sent again: its rows are
        /// uncertain and <paramref name="onUncertain"/> gets the error naming the import and the rows. The start failing
        /// throws (nothing was imported, or the outcome of the start itself is unknown).
        /// </summary>
        public ContactImport Run(ContactImportRequest settings, IReadOnlyList<PlannedRow> rows, int batchSize, bool wait, TimeSpan timeout,
            TimeSpan pollInterval, Action<ContactImportProgress>? onProgress, Action<Exception>? onUncertain, CancellationToken cancellationToken)
        {
            if (settings is null)
                throw new ArgumentNullException(nameof(settings));
            if (rows is null || rows.Count == 0)
                throw new WcxInputException("Nothing to import: no row has the import's identifier.", "InputObject");
            if (batchSize < 1 || batchSize > MaxBatchSize)
                throw new WcxInputException("-BatchSize is 1 to " + MaxBatchSize + "; got " + batchSize + ".", "BatchSize");
            if (timeout < TimeSpan.Zero || pollInterval < TimeSpan.Zero)
                throw new WcxInputException("Waiting times cannot be negative.", "TimeoutSeconds");

            var importId = StartAsync(settings, cancellationToken).GetAwaiter().GetResult();
            var result = new ContactImport
            {
                ImportId = importId, Status = "created", Action = settings.Action, Identifier = settings.Identifier,
                GroupIds = settings.GroupIds.ToArray(),
            };
            var rejected = new List<ContactImportRejection>();
            var uncertain = new List<ContactImportRejection>();
            var batches = (rows.Count + batchSize - 1) / batchSize;
            var sent = 0;
            for (var b = 0; b < batches; b++)
            {
                var batch = rows.Skip(b * batchSize).Take(batchSize).ToList();
                onProgress?.Invoke(new ContactImportProgress { Sending = true, Batch = b + 1, Batches = batches, RowsSent = sent, Rows = rows.Count });
                result.Batches++;
                try
                {
                    var answer = AddAsync(importId, batch.Select(r => r.Contact).ToList(), cancellationToken).GetAwaiter().GetResult();
                    foreach (var refused in answer.Rejected ?? new List<ContactImportRowError>())
                        rejected.Add(Rejection(RowOf(refused, batch, settings.Identifier), refused, importId));
                }
                catch (WcxWriteOutcomeUnknownException unknown)
                {
                    uncertain.AddRange(batch.Select(r => new ContactImportRejection
                    {
                        Row = r.Number, IdentifierValue = r.IdentifierValue, Source = "Uncertain", ImportId = importId,
                        Reason = "the add request's outcome is unknown (" + unknown.ApiMessage + "); not sent again",
                    }));
                    onUncertain?.Invoke(new WcxWriteOutcomeUnknownException(unknown.StatusCode, unknown.Method, unknown.Path,
                        "Batch " + (b + 1) + " of " + batches + " of import " + importId + " (rows " + batch[0].Number + "-" + batch[batch.Count - 1].Number +
                        ": " + Named(batch) + ") may or may not have been applied: " + unknown.ApiMessage + " It is not sent again; the next batches go on.",
                        unknown));
                }
                catch (WcxApiException refused) when (refused.StatusCode >= 400 && refused.StatusCode < 500 && !(refused is WcxAuthenticationException) && refused.StatusCode != 429)
                {
                    rejected.AddRange(batch.Select(r => new ContactImportRejection
                    {
                        Row = r.Number, IdentifierValue = r.IdentifierValue, Source = "Api", ImportId = importId,
                        Reason = "the add request was refused (HTTP " + refused.StatusCode + (refused.ApiMessage is null ? "" : ": " + refused.ApiMessage) + ")",
                    }));
                }
                sent += batch.Count;
                result.Rows += batch.Count;
            }

            var status = FollowStatus(importId, rows.Count, batches, wait, timeout, pollInterval, onProgress, cancellationToken, out var timedOut);
            result.Status = status.Status;
            result.Total = status.Total;
            result.Processed = status.Processed;
            result.Created = status.Created;
            result.Updated = status.Updated;
            result.Failed = status.Failed;
            foreach (var field in status.AdditionalProperties)
                result.AdditionalProperties[field.Key] = field.Value;
            // The status's errors count rows within the import; an add's rejections already reported stay once.
            foreach (var error in status.Errors ?? new List<ContactImportRowError>())
            {
                var row = RowOf(error, rows, settings.Identifier);
                if (row != null && rejected.Any(r => r.Row == row.Number))
                    continue;
                rejected.Add(Rejection(row, error, importId));
            }
            result.Rejected = rejected.OrderBy(r => r.Row).ToArray();
            result.Uncertain = uncertain.ToArray();
            if (timedOut)
                WcxTrace.Current?.Warning("Import " + importId + " was still " + (status.Status ?? "running") + " after " + timeout.TotalSeconds +
                    " s; it runs on in WiseCX. Look at it later: Invoke-WcxRequest contacts/import/" + importId + "/status");
            return result;
        }

        private ContactImportStatus FollowStatus(string importId, int rows, int batches, bool wait, TimeSpan timeout, TimeSpan pollInterval,
            Action<ContactImportProgress>? onProgress, CancellationToken cancellationToken, out bool timedOut)
        {
            timedOut = false;
            var waited = Stopwatch.StartNew();
            while (true)
            {
                var status = GetStatusAsync(importId, cancellationToken).GetAwaiter().GetResult();
                onProgress?.Invoke(new ContactImportProgress { Sending = false, Batch = batches, Batches = batches, RowsSent = rows, Rows = rows, Status = status, Waited = waited.Elapsed });
                if (!wait || ContactImportStatus.IsFinal(status.Status))
                    return status;
                var left = timeout - waited.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    timedOut = true;
                    return status;
                }
                if (cancellationToken.WaitHandle.WaitOne(pollInterval < left ? pollInterval : left))
                    cancellationToken.ThrowIfCancellationRequested();
            }
        }

        /// <summary>
        /// The row an error of the API is about: by the identifier's value when the error names it (say
        /// <c>"email"</c>), else by its position among <paramref name="rows"/> (<c>index</c> from 0, <c>row</c> from 1).
        /// The value is preferred because the API counts only the rows it received: after a batch of unknown outcome
        /// that never reached it, its positions no longer match ours.
        /// </summary>
        private static PlannedRow? RowOf(ContactImportRowError error, IReadOnlyList<PlannedRow> rows, string identifier)
        {
            if (error.AdditionalProperties.TryGetValue(identifier, out var named) && named is string value && !string.IsNullOrWhiteSpace(value))
                return rows.FirstOrDefault(r => string.Equals(r.IdentifierValue, value.Trim(), StringComparison.OrdinalIgnoreCase));
            var at = error.Index ?? (error.Row - 1);
            return at.HasValue && at.Value >= 0 && at.Value < rows.Count ? rows[at.Value] : null;
        }

        private static ContactImportRejection Rejection(PlannedRow? row, ContactImportRowError error, string importId) => new ContactImportRejection
        {
            Row = row?.Number ?? 0, IdentifierValue = row?.IdentifierValue, Source = "Api", ImportId = importId,
            Reason = error.Error ?? error.Message ?? "refused by the API",
        };

        private static string Named(IReadOnlyList<PlannedRow> batch) =>
            string.Join(", ", batch.Take(MaxIdentifiersNamed).Select(r => r.IdentifierValue)) +
            (batch.Count > MaxIdentifiersNamed ? " and " + (batch.Count - MaxIdentifiersNamed) + " more" : "");
    }
}
