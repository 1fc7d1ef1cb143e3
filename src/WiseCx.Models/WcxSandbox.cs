using System.Security;

namespace WiseCx
{
    /// <summary>
    /// A local WiseCX sandbox started by Start-WcxSandbox: where it listens, the account it accepts and its process.
    /// Pipe it to Stop-WcxSandbox; connect with <c>Connect-WcxAccount -User $s.User -ApiKey $s.ApiKey -BaseUri $s.BaseUri</c>.
    /// </summary>
    public sealed class WcxSandbox
    {
        /// <summary>Creates the description of a started sandbox.</summary>
        public WcxSandbox(Uri uri, string user, SecureString apiKey, int processId, DateTime startedAt, string? profile, string path)
        {
            Uri = uri;
            BaseUri = new Uri(uri, "core/v1/");
            User = user;
            ApiKey = apiKey;
            ProcessId = processId;
            StartedAt = startedAt;
            Profile = profile;
            Path = path;
        }

        /// <summary>The sandbox's root, e.g. http://127.0.0.1:40123/ (its test controls are under /_sandbox).</summary>
        public Uri Uri { get; }

        /// <summary>The API root to connect to (<see cref="Uri"/> + core/v1/): Connect-WcxAccount's -BaseUri.</summary>
        public Uri BaseUri { get; }

        /// <summary>The user name the sandbox's /authenticate accepts.</summary>
        public string User { get; }

        /// <summary>The API key the sandbox's /authenticate accepts, as Connect-WcxAccount's -ApiKey takes it.</summary>
        public SecureString ApiKey { get; }

        /// <summary>The id of the sandbox's process.</summary>
        public int ProcessId { get; }

        /// <summary>When the process started (local time); with <see cref="ProcessId"/> it tells this process from a later one with the same id.</summary>
        public DateTime StartedAt { get; }

        /// <summary>The start-up profile (live or collection); null for the sandbox's default (live).</summary>
        public string? Profile { get; }

        /// <summary>The sandbox that was started: the wisecx-sandbox tool or a WiseCx.Sandbox.dll.</summary>
        public string Path { get; }

        /// <summary>The root the sandbox listens on.</summary>
        public override string ToString() => Uri.ToString();
    }
}
