using System.Collections.Concurrent;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using WiseCx.Client.Http;

namespace WiseCx.PowerShell.Commands
{
    /// <summary>
    /// Base of every WiseCx cmdlet: turns Ctrl+C into cancellation, client exceptions into ErrorRecords with stable
    /// ids, and API objects into pipeline objects that keep the fields this module does not model.
    /// </summary>
    public abstract class WcxCmdlet : PSCmdlet, IDisposable
    {
        private enum TraceLevel { Verbose, Debug, Warning }

        /// <summary>Collects the client's messages from any thread until the pipeline thread writes them.</summary>
        private sealed class TraceQueue : IWcxTraceSink
        {
            private readonly System.Collections.Concurrent.ConcurrentQueue<(TraceLevel Level, string Message)> _queue =
                new System.Collections.Concurrent.ConcurrentQueue<(TraceLevel, string)>();

            public void Verbose(string message) => _queue.Enqueue((TraceLevel.Verbose, message));
            public void Debug(string message) => _queue.Enqueue((TraceLevel.Debug, message));
            public void Warning(string message) => _queue.Enqueue((TraceLevel.Warning, message));
            public bool TryDequeue(out (TraceLevel Level, string Message) entry) => _queue.TryDequeue(out entry);
        }

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly TraceQueue _trace = new TraceQueue();

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        /// <summary>What an error at this moment is about (an id, an input object), for ErrorRecord.TargetObject.</summary>
        protected object? ErrorTarget { get; set; }

        protected sealed override void BeginProcessing() => Guard(BeginWcxProcessing);

        protected sealed override void ProcessRecord()
        {
            // A failure of this record must never name the previous record as its target.
            ErrorTarget = null;
            // An id parameter bound from an object of another kind must not run the record (PipelineIdAttribute).
            if (PipelineIdGuard.ReportRefusals(this))
                return;
            Guard(ProcessWcxRecord);
        }

        protected sealed override void EndProcessing() => Guard(EndWcxProcessing);

        protected override void StopProcessing() => _stopping.Cancel();

        protected virtual void BeginWcxProcessing() { }

        protected virtual void ProcessWcxRecord() { }

        protected virtual void EndWcxProcessing() { }

        /// <summary>Waits for the client on the pipeline thread, where PowerShell requires output to be written.</summary>
        protected T Await<T>(Task<T> task)
        {
            try
            {
                return task.GetAwaiter().GetResult();
            }
            finally
            {
                FlushTrace();
            }
        }

        protected void Await(Task task)
        {
            try
            {
                task.GetAwaiter().GetResult();
            }
            finally
            {
                FlushTrace();
            }
        }

        /// <summary>
        /// -Debug alone makes Cmdlet.WriteVerbose prompt for every line (a Windows PowerShell legacy pwsh keeps):
        /// then the line is written as debug instead, which -Debug shows without asking.
        /// </summary>
        protected new void WriteVerbose(string text)
        {
            if (MyInvocation.BoundParameters.ContainsKey("Debug") && !MyInvocation.BoundParameters.ContainsKey("Verbose"))
                WriteDebug(text);
            else
                base.WriteVerbose(text);
        }

        /// <summary>Writes what the client reported from its threads (requests, warnings) here, on the pipeline thread.</summary>
        protected void FlushTrace()
        {
            while (_trace.TryDequeue(out var entry))
            {
                switch (entry.Level)
                {
                    case TraceLevel.Verbose: WriteVerbose(entry.Message); break;
                    case TraceLevel.Debug: WriteDebug(entry.Message); break;
                    default: WriteWarning(entry.Message); break;
                }
            }
        }

        /// <summary>Writes an API object, with any field the model lacks added as a note property.</summary>
        protected void WriteApiObject(WcxObject item)
        {
            FlushTrace();
            var wrapped = PSObject.AsPSObject(item);
            var extra = item.AdditionalProperties;
            // The models carry every field the API is known to send: most objects have nothing to add.
            if (extra.Count > 0)
                AddNoteProperties(wrapped, item.GetType(), extra);
            WriteObject(wrapped);
        }

        /// <summary>
        /// Per model type, per API name of a field the model lacks: the name of its note property, or null when the type
        /// already has a property of that name (which the note must not hide). Worked out once per type and name rather
        /// than for every object; bounded, since a type's fields are few.
        /// </summary>
        private static readonly ConcurrentDictionary<Type, ConcurrentDictionary<string, string?>> NoteNames =
            new ConcurrentDictionary<Type, ConcurrentDictionary<string, string?>>();

        private const int MaxNoteNamesPerType = 1000;

        private static void AddNoteProperties(PSObject wrapped, Type type, IDictionary<string, object?> extra)
        {
            var names = NoteNames.GetOrAdd(type, _ => new ConcurrentDictionary<string, string?>(StringComparer.Ordinal));
            foreach (var field in extra)
            {
                if (!names.TryGetValue(field.Key, out var name))
                {
                    name = NoteNameOf(type, field.Key);
                    if (names.Count < MaxNoteNamesPerType)
                        names.TryAdd(field.Key, name);
                }
                if (name == null)
                    continue;
                try
                {
                    wrapped.Properties.Add(new PSNoteProperty(name, field.Value));
                }
                catch (ExtendedTypeSystemException)
                {
                    // The object already has a member of that name (written before, two API names with one PascalCase
                    // name, or a member from type data): the first stays, as it always has.
                }
            }
        }

        /// <summary>The PascalCase name of an extra field, or null when <paramref name="type"/> has a property of that name.</summary>
        private static string? NoteNameOf(Type type, string apiName)
        {
            var name = PascalCase(apiName);
            if (name.Length == 0)
                return null;
            // PowerShell finds properties by name whatever their case; it adapts public properties and fields alike.
            var members = type.GetMember(name, MemberTypes.Property | MemberTypes.Field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            return members.Length == 0 ? name : null;
        }

        protected void WriteApiObjects<T>(IEnumerable<T> items) where T : WcxObject
        {
            foreach (var item in items)
                WriteApiObject(item);
        }

        /// <summary>
        /// Runs <paramref name="action"/> for each item, reporting a failure of one item as a non-terminating error
        /// (target: that item) so the others still run; failures nothing could survive still stop the command.
        /// </summary>
        protected void EachItem<T>(IEnumerable<T> items, Action<T> action)
        {
            foreach (var item in items)
            {
                ErrorTarget = item;
                try
                {
                    action(item);
                }
                catch (Exception ex) when ((ex is WcxApiException || ex is WcxInputException) && !ErrorTranslator.IsTerminating(ex))
                {
                    Fail(ex);
                }
            }
        }

        /// <summary>Reports a failure of the current record; the pipeline goes on unless nothing later could succeed.</summary>
        protected void Fail(Exception exception)
        {
            var record = ErrorTranslator.ToErrorRecord(exception, ErrorTarget, MyInvocation.MyCommand);
            if (ErrorTranslator.IsTerminating(exception))
                ThrowTerminatingError(record);
            WriteError(record);
        }

        private void Guard(Action step)
        {
            var previous = WcxTrace.Current;
            var previousCommand = WcxTrace.Command;
            WcxTrace.Current = _trace;
            // The request history notes which command sent each exchange.
            WcxTrace.Command = MyInvocation.MyCommand?.Name;
            try
            {
                step();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (ErrorTranslator.IsReported(ex))
            {
                FlushTrace();
                Fail(ex);
            }
            finally
            {
                WcxTrace.Current = previous;
                WcxTrace.Command = previousCommand;
                FlushTrace();
            }
        }

        private static string PascalCase(string apiName)
        {
            var parts = apiName.Split(new[] { '_', '-', '.' }, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++)
                parts[i] = char.ToUpperInvariant(parts[i][0]) + parts[i].Substring(1);
            return string.Concat(parts);
        }

        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
