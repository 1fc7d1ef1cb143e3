using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace WiseCx.Client.Http.SharedLimit
{
    /// <summary>
    /// The only class that touches StackExchange.Redis: one connection to the store, the account's two keys and the
    /// three scripts, each sent by its SHA-1 and loaded again when the store answers NOSCRIPT (after a restart, a
    /// failover or SCRIPT FLUSH). Every failure to reach the store surfaces as <see cref="StoreUnreachableException"/>.
    /// </summary>
    internal sealed class RedisStore : IDisposable
    {
        private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(3);
        private readonly ConfigurationOptions _configuration;
        private readonly RedisKey[] _keys;
        private readonly SemaphoreSlim _connectGate = new SemaphoreSlim(1, 1);
        private readonly LoadedScript _acquire = new LoadedScript(StoreScripts.Acquire);
        private readonly LoadedScript _answered = new LoadedScript(StoreScripts.Answered);
        private readonly LoadedScript _usage = new LoadedScript(StoreScripts.Usage);
        private readonly string? _password;
        private ConnectionMultiplexer? _connection;
        private long _scriptLoads;
        private volatile bool _disposed;

        internal RedisStore(Uri store, string? user, string? password, string keyPrefix)
        {
            _password = password;
            _configuration = new ConfigurationOptions
            {
                Ssl = store.Scheme == "rediss",
                SslHost = store.Host,
                User = user,
                Password = password,
                DefaultDatabase = StoreAddress.DatabaseOf(store),
                ClientName = "WiseCx",
                // Never wait for the first connection, nor queue commands while it is down: the limiter decides what a
                // request does then (count locally or stop), and must learn it at once.
                AbortOnConnectFail = false,
                BacklogPolicy = BacklogPolicy.FailFast,
                ConnectTimeout = (int)CommandTimeout.TotalMilliseconds,
                SyncTimeout = (int)CommandTimeout.TotalMilliseconds,
                AsyncTimeout = (int)CommandTimeout.TotalMilliseconds,
                ConnectRetry = 1,
                ReconnectRetryPolicy = new LinearRetry(1000),
                KeepAlive = 15,
            };
            _configuration.EndPoints.Add(store.Host, StoreAddress.PortOf(store));
            _keys = new RedisKey[] { keyPrefix + "minute", keyPrefix + "day" };
        }

        /// <summary>Scripts sent again after the store answered NOSCRIPT (tests read it).</summary>
        internal long ScriptLoads => Interlocked.Read(ref _scriptLoads);

        /// <summary>The account's keys: the minute window and the day.</summary>
        internal IReadOnlyList<string> Keys => _keys.Select(k => (string)k!).ToArray();

        internal async Task<AcquireResult> AcquireAsync(
            int perMinute, long perDay, string slotId, long leaseMs, long sentWhileAway, long rememberedToday, long rememberedDay, CancellationToken cancellationToken)
        {
            var values = new RedisValue[] { perMinute, perDay, slotId, leaseMs, sentWhileAway, rememberedToday, rememberedDay };
            var reply = (RedisResult[])(await EvaluateAsync(_acquire, values, cancellationToken).ConfigureAwait(false))!;
            return new AcquireResult((int)reply[0], (long)reply[1], (long)reply[2], (long)reply[3]);
        }

        /// <summary>Marks the slot answered; fire and forget (a lost mark only holds the slot until its lease ends).</summary>
        internal void Answered(string slotId)
        {
            if (_disposed || _connection is null)
                return;
            _ = AnsweredAsync(slotId);
        }

        private async Task AnsweredAsync(string slotId)
        {
            try
            {
                await EvaluateAsync(_answered, new RedisValue[] { slotId }, CancellationToken.None).ConfigureAwait(false);
            }
            catch (StoreUnreachableException)
            {
                // The slot leaves the window when its lease ends.
            }
        }

        internal (int ThisMinute, long Today) Usage()
        {
            var task = EvaluateAsync(_usage, Array.Empty<RedisValue>(), CancellationToken.None);
            if (!task.Wait(CommandTimeout + CommandTimeout))
                throw new StoreUnreachableException("no answer within " + (CommandTimeout + CommandTimeout).TotalSeconds + " s");
            var reply = (RedisResult[])task.GetAwaiter().GetResult()!;
            return ((int)reply[0], (long)reply[1]);
        }

        private async Task<RedisResult> EvaluateAsync(LoadedScript script, RedisValue[] values, CancellationToken cancellationToken)
        {
            var database = (await ConnectAsync(cancellationToken).ConfigureAwait(false)).GetDatabase();
            try
            {
                try
                {
                    return await WithCancellation(database.ScriptEvaluateAsync(script.Hash, _keys, values), cancellationToken).ConfigureAwait(false);
                }
                catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.OrdinalIgnoreCase))
                {
                    // The store forgot the script: EVAL sends its text, which the store caches again for the next EVALSHA.
                    Interlocked.Increment(ref _scriptLoads);
                    return await WithCancellation(database.ScriptEvaluateAsync(script.Text, _keys, values), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is RedisException || ex is TimeoutException || ex is ObjectDisposedException)
            {
                throw new StoreUnreachableException(Summarize(ex), ex);
            }
        }

        private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
        {
            var connection = Volatile.Read(ref _connection);
            if (connection != null)
                return connection;
            await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_disposed)
                    throw new StoreUnreachableException("the session was disconnected");
                if (_connection is null)
                {
                    try
                    {
                        // Returns once the first attempt is over, connected or not; it keeps reconnecting in the background.
                        _connection = await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is RedisException || ex is ArgumentException || ex is System.Net.Sockets.SocketException)
                    {
                        throw new StoreUnreachableException(Summarize(ex), ex);
                    }
                }
                return _connection;
            }
            finally
            {
                _connectGate.Release();
            }
        }

        /// <summary>StackExchange.Redis does not take a token: the wait ends on cancellation, the command runs its course.</summary>
        private static async Task<T> WithCancellation<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted)
                return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    _ = task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
                    throw new OperationCanceledException(cancellationToken);
                }
            }
            return await task.ConfigureAwait(false);
        }

        /// <summary>
        /// The library's message up to where its connection diagnostics begin ("SocketClosed (ReadEndOfStream) on
        /// host:port"); a store password never reaches it, whatever the library put in.
        /// </summary>
        private string Summarize(Exception exception)
        {
            var message = exception.GetBaseException().Message;
            foreach (var end in new[] { "/Interactive", "; ", ", mc:" })
            {
                var at = message.IndexOf(end, StringComparison.Ordinal);
                if (at > 0)
                    message = message.Substring(0, at);
            }
            if (message.Length > 300)
                message = message.Substring(0, 300) + "…";
            return string.IsNullOrEmpty(_password) ? message : message.Replace(_password, "***");
        }

        public void Dispose()
        {
            _disposed = true;
            var connection = Interlocked.Exchange(ref _connection, null);
            connection?.Dispose();
        }

        /// <summary>A script's text and the SHA-1 the store knows it by.</summary>
        private sealed class LoadedScript
        {
            internal LoadedScript(string text)
            {
                Text = text;
                using (var sha = SHA1.Create())
                    Hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            }

            internal string Text { get; }

            internal byte[] Hash { get; }
        }
    }

    /// <summary>
    /// One acquisition's answer: status (1 admitted, 0 minute full, -1 day used up), requests today, the wait in ms or the
    /// slots in the window, and the store's UTC day number.
    /// </summary>
    internal readonly struct AcquireResult
    {
        internal AcquireResult(int status, long usedToday, long waitOrInWindow, long day)
        {
            Status = status;
            UsedToday = usedToday;
            WaitOrInWindow = waitOrInWindow;
            Day = day;
        }

        internal long Day { get; }

        internal int Status { get; }

        internal long UsedToday { get; }

        internal long WaitOrInWindow { get; }
    }

    /// <summary>The store could not be reached or did not answer in time; the message names no secret.</summary>
    internal sealed class StoreUnreachableException : Exception
    {
        internal StoreUnreachableException(string reason, Exception? inner = null)
            : base(reason, inner)
        {
        }
    }
}
