using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WiseCx.Client.Http
{
    /// <summary>
    /// Turns a request or answer body into text for -Debug and the request history: JSON pretty-printed, the values of
    /// properties whose names speak of a secret masked, bodies longer than <see cref="Limit"/> cut with a note of what
    /// was left out, binary bodies described rather than dumped. The work is bounded by the limit, not the body's size.
    /// </summary>
    internal static class BodyMask
    {
        /// <summary>About how much of a body is shown (bytes of rendered text); the rest is counted, not shown.</summary>
        internal const int Limit = 4096;

        /// <summary>What a secret is shown as.</summary>
        internal const string Mask = "***";

        /// <summary>
        /// A name is a secret's when, lower-cased and without separators, it contains one of these: token, access_token,
        /// refresh_token, jwt, api_key/apikey/x-api-key, password, secret, client_secret, authorization...
        /// </summary>
        private static readonly string[] SecretWords = { "token", "jwt", "apikey", "password", "passwd", "secret", "authorization" };

        /// <summary>In text that is not JSON (or JSON cut off): name = value, name: value, "name": "value".</summary>
        private static readonly Regex SecretInText = new Regex(
            @"(?<name>[""']?[A-Za-z0-9_.\-]*(?:token|jwt|api[_\-]?key|password|passwd|secret|authorization)[A-Za-z0-9_.\-]*[""']?\s*[:=]\s*)" +
            @"(?<value>""(?:[^""\\]|\\.)*(?:""|$)|'[^']*(?:'|$)|(?:Bearer\s+)?[^\s,&;}\]""']+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Indented = true,
            // Text as people wrote it (accents, quotes) rather than \u escapes: this is for reading, not for parsing.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // A cut body ends mid-object; a masked object is written as one string.
            SkipValidation = true,
        };

        /// <summary>True when a property or parameter of this name holds a secret whose value must not be shown.</summary>
        internal static bool IsSecretName(string? name)
        {
            if (string.IsNullOrEmpty(name))
                return false;
            var plain = new StringBuilder(name!.Length);
            foreach (var c in name)
                if (char.IsLetterOrDigit(c))
                    plain.Append(char.ToLowerInvariant(c));
            var text = plain.ToString();
            foreach (var word in SecretWords)
                if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
                    return true;
            return false;
        }

        /// <summary>The body as text to show; null when there is none.</summary>
        internal static string? Render(byte[]? body, string? contentType)
        {
            if (body is null || body.Length == 0)
                return null;
            if (LooksLikeJson(body, contentType) && TryRenderJson(body, out var json))
                return json;
            if (IsText(body, contentType))
                return RenderText(body);
            return "(binary body: " + body.Length + " bytes" + (string.IsNullOrEmpty(contentType) ? "" : ", " + contentType) + ")";
        }

        /// <summary>A path and query with the values of secret-named query parameters masked.</summary>
        internal static string MaskQuery(string pathAndQuery)
        {
            var mark = pathAndQuery.IndexOf('?');
            if (mark < 0)
                return pathAndQuery;
            var parts = pathAndQuery.Substring(mark + 1).Split('&');
            var changed = false;
            for (var i = 0; i < parts.Length; i++)
            {
                var equals = parts[i].IndexOf('=');
                if (equals > 0 && IsSecretName(Uri.UnescapeDataString(parts[i].Substring(0, equals))))
                {
                    parts[i] = parts[i].Substring(0, equals + 1) + Mask;
                    changed = true;
                }
            }
            return changed ? pathAndQuery.Substring(0, mark + 1) + string.Join("&", parts) : pathAndQuery;
        }

        /// <summary>Masks name/value pairs with a secret's name in free text (a body that is not JSON, a cut one).</summary>
        internal static string MaskText(string text) =>
            SecretInText.Replace(text, match =>
            {
                var value = match.Groups["value"].Value;
                var quote = value.Length > 0 && (value[0] == '"' || value[0] == '\'') ? value[0].ToString() : "";
                return match.Groups["name"].Value + quote + Mask + quote;
            });

        private static bool LooksLikeJson(byte[] body, string? contentType)
        {
            if (contentType != null && contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0)
                return true;
            foreach (var b in body)
            {
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n')
                    continue;
                return b == '{' || b == '[';
            }
            return false;
        }

        /// <summary>
        /// Reads the JSON token by token and writes it indented, masking as it goes and stopping once about
        /// <see cref="Limit"/> bytes are written; false when the body is not JSON (then it is shown as text).
        /// </summary>
        private static bool TryRenderJson(byte[] body, out string? text)
        {
            text = null;
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var output = new MemoryStream();
            long shownOfBody = body.Length;
            try
            {
                using (var writer = new Utf8JsonWriter(output, WriterOptions))
                {
                    var masked = false;
                    while (reader.Read())
                    {
                        switch (reader.TokenType)
                        {
                            case JsonTokenType.PropertyName:
                                var name = reader.GetString();
                                writer.WritePropertyName(name ?? "");
                                masked = IsSecretName(name);
                                continue;
                            case JsonTokenType.StartObject:
                            case JsonTokenType.StartArray:
                                if (masked)
                                {
                                    reader.Skip();
                                    writer.WriteStringValue(Mask);
                                }
                                else if (reader.TokenType == JsonTokenType.StartObject)
                                    writer.WriteStartObject();
                                else
                                    writer.WriteStartArray();
                                break;
                            case JsonTokenType.EndObject:
                                writer.WriteEndObject();
                                break;
                            case JsonTokenType.EndArray:
                                writer.WriteEndArray();
                                break;
                            case JsonTokenType.String when masked:
                            case JsonTokenType.Number when masked:
                            case JsonTokenType.True when masked:
                            case JsonTokenType.False when masked:
                                writer.WriteStringValue(Mask);
                                break;
                            case JsonTokenType.String when reader.ValueSpan.Length > Limit:
                                // A long text (an attachment's base64): its start, as written (escapes and all), and the cut is here.
                                var value = reader.ValueSpan.Slice(0, Math.Min(reader.ValueSpan.Length, Limit + 4)).ToArray();
                                var start = CharBoundary(value, Limit);
                                writer.WriteRawValue("\"" + Encoding.UTF8.GetString(value, 0, start) + "\"", skipInputValidation: true);
                                shownOfBody = reader.TokenStartIndex + 1 + start;
                                break;
                            case JsonTokenType.String:
                                writer.WriteStringValue(reader.GetString());
                                break;
                            case JsonTokenType.Number:
                                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                                break;
                            case JsonTokenType.True:
                            case JsonTokenType.False:
                                writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                                break;
                            case JsonTokenType.Null:
                                writer.WriteNullValue();
                                break;
                        }
                        masked = false;
                        if (shownOfBody < body.Length)
                            break;
                        if (writer.BytesCommitted + writer.BytesPending >= Limit)
                        {
                            shownOfBody = reader.BytesConsumed;
                            break;
                        }
                    }
                }
            }
            catch (JsonException)
            {
                return false;
            }
            var rendered = Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
            text = shownOfBody < body.Length ? rendered + "\n... " + (body.Length - shownOfBody) + " more bytes" : rendered;
            return true;
        }

        /// <summary>Text other than JSON (HTML of a proxy's error page, plain text): its start, masked.</summary>
        private static string RenderText(byte[] body)
        {
            var shown = CharBoundary(body, Math.Min(body.Length, Limit));
            var text = MaskText(Encoding.UTF8.GetString(body, 0, shown));
            return shown < body.Length ? text + "\n... " + (body.Length - shown) + " more bytes" : text;
        }

        /// <summary>Text when the content type says so, or when the start is valid UTF-8 without control characters.</summary>
        private static bool IsText(byte[] body, string? contentType)
        {
            if (contentType != null)
            {
                if (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || contentType.IndexOf("xml", StringComparison.OrdinalIgnoreCase) >= 0)
                    return true;
                if (contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
                    return false;
            }
            var length = CharBoundary(body, Math.Min(body.Length, Limit));
            for (var i = 0; i < length; i++)
            {
                var b = body[i];
                if (b < 0x20 && b != '\t' && b != '\r' && b != '\n')
                    return false;
            }
            try
            {
                new UTF8Encoding(false, true).GetString(body, 0, length);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        /// <summary>The largest length up to <paramref name="length"/> that does not split a UTF-8 character.</summary>
        private static int CharBoundary(byte[] bytes, int length)
        {
            if (length >= bytes.Length)
                return bytes.Length;
            var cut = length;
            while (cut > 0 && length - cut < 4 && (bytes[cut] & 0xC0) == 0x80)
                cut--;
            return cut;
        }
    }
}
