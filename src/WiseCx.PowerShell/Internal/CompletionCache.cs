using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using WiseCx.Client;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>One object a completer offers: the text it inserts, the name it shows, and a longer description.</summary>
    internal sealed class CompletionItem
    {
        public CompletionItem(string id, string name, string description)
        {
            Id = id;
            Name = name;
            Description = description;
        }

        public string Id { get; }
        public string Name { get; }
        public string Description { get; }
    }

    /// <summary>
    /// The lists id completers offer, kept per session (client) and kind for <see cref="Lifetime"/>, so that pressing
    /// Tab again costs no request. A read that outlasts <see cref="Wait"/> is not waited for: the completer offers
    /// nothing this time and the list is ready for the next Tab. Failed reads are not kept.
    /// </summary>
    internal static class CompletionCache
    {
        /// <summary>How long a list is reused before it is read again.</summary>
        public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

        /// <summary>How long Tab waits for a list that is not cached yet.</summary>
        public static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

        /// <summary>How long a read may take in the background before it is given up.</summary>
        public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(20);

        private sealed class Entry
        {
            public Entry(Task<IReadOnlyList<CompletionItem>> read)
            {
                Read = read;
                Started = DateTime.UtcNow;
            }

            public Task<IReadOnlyList<CompletionItem>> Read { get; }
            public DateTime Started { get; }

            public bool IsUsable(TimeSpan lifetime) =>
                !Read.IsFaulted && !Read.IsCanceled && (!Read.IsCompleted || DateTime.UtcNow - Started < lifetime);
        }

        // Weak on the client: a session that is dropped takes its lists with it.
        private static readonly ConditionalWeakTable<WcxClient, ConcurrentDictionary<string, Entry>> BySession =
            new ConditionalWeakTable<WcxClient, ConcurrentDictionary<string, Entry>>();

        /// <summary>
        /// The cached list of <paramref name="kind"/> for this session, read with <paramref name="read"/> when missing or
        /// older than <paramref name="lifetime"/> (default <see cref="Lifetime"/>); empty when not ready within
        /// <paramref name="wait"/> (default <see cref="Wait"/>) or when the read failed.
        /// </summary>
        public static IReadOnlyList<CompletionItem> Get(WcxClient client, string kind, Func<WcxClient, CancellationToken, IReadOnlyList<CompletionItem>> read,
            TimeSpan? lifetime = null, TimeSpan? wait = null)
        {
            var keep = lifetime ?? Lifetime;
            var lists = BySession.GetValue(client, _ => new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));
            var entry = lists.AddOrUpdate(kind,
                _ => Start(client, read),
                (_, current) => current.IsUsable(keep) ? current : Start(client, read));
            try
            {
                if (entry.Read.Wait(wait ?? Wait))
                    return entry.Read.Result;
            }
            catch (AggregateException)
            {
                // The read failed (no access, API down): offer nothing, and read again on the next Tab.
            }
            return Array.Empty<CompletionItem>();
        }

        private static Entry Start(WcxClient client, Func<WcxClient, CancellationToken, IReadOnlyList<CompletionItem>> read) =>
            new Entry(Task.Run(() =>
            {
                // Whatever command is running, the completion's requests are not its to report.
                WiseCx.Client.Http.WcxTrace.Current = null;
                using (var timeout = new CancellationTokenSource(ReadTimeout))
                    return read(client, timeout.Token);
            }));
    }
}
