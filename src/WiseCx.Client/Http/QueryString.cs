using System.Text;

namespace WiseCx.Client.Http
{
    /// <summary>Builds <c>path?a=1&amp;b=2</c> with every name and value percent-encoded (braces and quotes included).</summary>
    public static class QueryString
    {
        /// <summary>Appends <paramref name="parameters"/> to <paramref name="path"/>, after any query it already has.</summary>
        public static string Append(string path, IEnumerable<KeyValuePair<string, string>> parameters)
        {
            var list = parameters.ToList();
            if (list.Count == 0)
                return path;
            var text = new StringBuilder(path).Append(path.Contains("?") ? '&' : '?');
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                    text.Append('&');
                text.Append(Uri.EscapeDataString(list[i].Key)).Append('=').Append(Uri.EscapeDataString(list[i].Value));
            }
            return text.ToString();
        }

        /// <summary>The path without its query: what errors and traces name.</summary>
        internal static string PathOnly(string pathAndQuery)
        {
            var q = pathAndQuery.IndexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.Substring(0, q);
        }
    }
}
