using System.Security.Cryptography;
using System.Text;

namespace WiseCx.Client.Http.SharedLimit
{
    /// <summary>
    /// The rate-limit store's address as the user gives it (<c>redis://[user:password@]host[:port][/db]</c>, or
    /// <c>rediss://</c> for TLS): what is accepted, how it is shown (never with its credentials) and which keys an
    /// account's counts live under. Touches no StackExchange.Redis type, so checking options never loads it.
    /// </summary>
    internal static class StoreAddress
    {
        internal const int DefaultPort = 6379;

        /// <summary>Refuses what cannot be a store address, before anything is sent. Messages show it without credentials.</summary>
        internal static void Check(Uri store)
        {
            if (!store.IsAbsoluteUri || (store.Scheme != "redis" && store.Scheme != "rediss"))
                throw new WcxInputException(
                    "The rate-limit store must be a redis:// or rediss:// URI such as redis://cache.example.com:6379 (got '" + SafeText(store) + "').",
                    "RateLimitStore");
            if (string.IsNullOrEmpty(store.Host))
                throw new WcxInputException("The rate-limit store URI names no host: '" + Display(store) + "'.", "RateLimitStore");
            if (DatabaseOf(store) is null)
                throw new WcxInputException(
                    "The rate-limit store URI's path must be empty or a database number (redis://host:port/0): '" + Display(store) + "'.",
                    "RateLimitStore");
            if (store.Query.Length > 0)
                throw new WcxInputException(
                    "The rate-limit store URI takes no query options: '" + Display(store) + "'. Give a password with -RateLimitStoreCredential.",
                    "RateLimitStore");
        }

        /// <summary>The address without user name or password, e.g. <c>rediss://cache.example.com:6380</c>.</summary>
        internal static string Display(Uri store)
        {
            var database = DatabaseOf(store);
            return store.Scheme + "://" + store.Host + ":" + PortOf(store) + (database > 0 ? "/" + database : "");
        }

        internal static int PortOf(Uri store) => store.IsDefaultPort || store.Port < 0 ? DefaultPort : store.Port;

        /// <summary>The database number of the path (0 when there is none); null when the path is anything else.</summary>
        internal static int? DatabaseOf(Uri store)
        {
            var path = store.AbsolutePath.Trim('/');
            if (path.Length == 0)
                return 0;
            return int.TryParse(path, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? number
                : (int?)null;
        }

        /// <summary>The URI's user name, unescaped; null when it has none (or only a password, as <c>redis://:secret@host</c>).</summary>
        internal static string? UserOf(Uri store)
        {
            var info = store.UserInfo;
            var colon = info.IndexOf(':');
            var user = Uri.UnescapeDataString(colon < 0 ? info : info.Substring(0, colon));
            return user.Length == 0 ? null : user;
        }

        /// <summary>The URI's password, unescaped; null when it has none. A URI with one user part only treats it as the password, as redis-cli does.</summary>
        internal static string? PasswordOf(Uri store)
        {
            var info = store.UserInfo;
            if (info.Length == 0)
                return null;
            var colon = info.IndexOf(':');
            var password = Uri.UnescapeDataString(colon < 0 ? info : info.Substring(colon + 1));
            return password.Length == 0 ? null : password;
        }

        /// <summary>
        /// The prefix of the account's keys: <c>wisecx:{&lt;hash&gt;}:</c>, the hash taken over the API root and the user
        /// (lower case), never over a secret. The braces are a Redis Cluster hash tag: every key of an account lands on
        /// one shard, as a script touching several keys requires.
        /// </summary>
        internal static string KeyPrefix(Uri normalizedBaseUri, string user)
        {
            var identity = "wisecx-rate-limit/v1\n" + normalizedBaseUri.AbsoluteUri.ToLowerInvariant() + "\n" + user.Trim().ToLowerInvariant();
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(identity));
                var hex = new StringBuilder("wisecx:{", 48);
                for (var i = 0; i < 16; i++)
                    hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                return hex.Append("}:").ToString();
            }
        }

        /// <summary>For messages about a URI that is not even a store address: scheme, host and port, nothing of the user part.</summary>
        private static string SafeText(Uri uri) =>
            uri.IsAbsoluteUri ? uri.Scheme + "://" + uri.Authority + uri.AbsolutePath : "(relative URI)";
    }
}
