using System.Collections.Concurrent;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using WiseCx.Client;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// The options of case custom fields for Tab, read from the session being used (GET /cases/fields/{name}/options, once
    /// a minute per field and session through <see cref="CompletionCache"/>). The API lists no custom fields, so the field
    /// names offered are those whose options this session has read (by Tab or Get-WcxCustomFieldOption). Without a
    /// connected session, or when the API cannot be read, nothing is offered and nothing is reported.
    /// </summary>
    internal static class CustomFieldOptionsForCompletion
    {
        private static readonly ConditionalWeakTable<WcxClient, ConcurrentDictionary<string, bool>> FieldsBySession =
            new ConditionalWeakTable<WcxClient, ConcurrentDictionary<string, bool>>();

        /// <summary>Records that <paramref name="fieldName"/> has options in this session (Get-WcxCustomFieldOption calls it).</summary>
        public static void Remember(WcxClient client, string fieldName) =>
            FieldsBySession.GetValue(client, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal))[fieldName.Trim()] = true;

        /// <summary>The fields whose options this session has read.</summary>
        public static IReadOnlyList<string> KnownFields(WcxClient client) =>
            FieldsBySession.TryGetValue(client, out var fields) ? fields.Keys.OrderBy(f => f, StringComparer.OrdinalIgnoreCase).ToList() : new List<string>();

        /// <summary>The options of a field (id, value), from the cache; empty when they cannot be read.</summary>
        public static IReadOnlyList<CompletionItem> Options(WcxClient client, string fieldName)
        {
            var field = fieldName.Trim();
            if (field.Length == 0)
                return Array.Empty<CompletionItem>();
            var items = CompletionCache.Get(client, "custom-field-options:" + field, (c, token) =>
                c.CustomFieldOptions.ListAsync(field, token).GetAwaiter().GetResult()
                    .Take(IdCompleter.MaxItems)
                    .Select(o => new CompletionItem(IdCompleter.Text(o.Id), o.Value ?? "", field + ": " + o.Value + " (option " + o.Id + ")"))
                    .ToList());
            if (items.Count > 0)
                Remember(client, field);
            return items;
        }

        /// <summary>Text in single quotes, as PowerShell reads it back.</summary>
        public static string SingleQuoted(string text) => "'" + text.Replace("'", "''") + "'";

        /// <summary>The word without quotes and spaces around it.</summary>
        public static string Bare(string? word) => (word ?? "").Trim().Trim('\'', '"').Trim();

        public static string? FieldOf(IDictionary? fakeBoundParameters)
        {
            if (fakeBoundParameters is null || !fakeBoundParameters.Contains("FieldName"))
                return null;
            var value = fakeBoundParameters["FieldName"];
            if (value is PSObject wrapped)
                value = wrapped.BaseObject;
            return value as string;
        }
    }

    /// <summary>
    /// Base of the custom-field completers: finds the session's client (as <see cref="IdCompleter"/> does) and offers
    /// nothing, silently, without one or when anything fails: Tab must never print an error.
    /// </summary>
    public abstract class CustomFieldCompleter : IArgumentCompleter
    {
        /// <summary>The completions for <paramref name="word"/> (quotes and spaces taken off) with a connected client.</summary>
        internal abstract IEnumerable<CompletionResult> Complete(WcxClient client, string word, IDictionary fakeBoundParameters);

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var client = IdCompleter.ClientFor(fakeBoundParameters, commandAst);
                return client is null
                    ? Enumerable.Empty<CompletionResult>()
                    : Complete(client, CustomFieldOptionsForCompletion.Bare(wordToComplete), fakeBoundParameters).ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }

    /// <summary>
    /// -CustomField of New-WcxCase and Set-WcxCase. PowerShell calls no argument completer inside a hashtable literal
    /// (<c>@{ plan = '&lt;Tab&gt;</c> reaches none, checked on 7.4 to 7.6), so this one completes the argument before it is
    /// written: <c>-CustomField &lt;Tab&gt;</c> offers <c>@{ plan = 'Pro' }</c> for each option of the fields this session
    /// knows, <c>-CustomField pl&lt;Tab&gt;</c> those whose field starts with or value contains "pl", and
    /// <c>-CustomField plan=&lt;Tab&gt;</c> (or <c>plan=P</c>) the options of that field, read now if not yet known.
    /// </summary>
    public sealed class CustomFieldValueCompleter : CustomFieldCompleter
    {
        internal override IEnumerable<CompletionResult> Complete(WcxClient client, string word, IDictionary fakeBoundParameters)
        {
            if (word.StartsWith("@{", StringComparison.Ordinal))
                word = word.Substring(2).Trim();
            var equals = word.IndexOf('=');
            if (equals > 0)
            {
                var field = CustomFieldOptionsForCompletion.Bare(word.Substring(0, equals));
                var prefix = CustomFieldOptionsForCompletion.Bare(word.Substring(equals + 1));
                return Results(field, CustomFieldOptionsForCompletion.Options(client, field)
                    .Where(o => o.Name.IndexOf(prefix, StringComparison.CurrentCultureIgnoreCase) >= 0)
                    .OrderBy(o => o.Name.StartsWith(prefix, StringComparison.CurrentCultureIgnoreCase) ? 0 : 1));
            }
            return CustomFieldOptionsForCompletion.KnownFields(client)
                .SelectMany(field =>
                {
                    var byField = field.StartsWith(word, StringComparison.OrdinalIgnoreCase);
                    return Results(field, CustomFieldOptionsForCompletion.Options(client, field)
                        .Where(o => byField || o.Name.IndexOf(word, StringComparison.CurrentCultureIgnoreCase) >= 0));
                });
        }

        private static IEnumerable<CompletionResult> Results(string field, IEnumerable<CompletionItem> options) =>
            options.Select(o => new CompletionResult(
                "@{ " + IdCompleter.Quote(field) + " = " + CustomFieldOptionsForCompletion.SingleQuoted(o.Name) + " }",
                field + " = " + o.Name, CompletionResultType.ParameterValue, o.Description));
    }

    /// <summary>-FieldName of the *-WcxCustomFieldOption commands: the fields whose options this session has read.</summary>
    public sealed class CustomFieldNameCompleter : CustomFieldCompleter
    {
        internal override IEnumerable<CompletionResult> Complete(WcxClient client, string word, IDictionary fakeBoundParameters) =>
            CustomFieldOptionsForCompletion.KnownFields(client)
                .Where(f => f.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(f => new CompletionResult(IdCompleter.Quote(f), f, CompletionResultType.ParameterValue, "custom field " + f));
    }

    /// <summary>-Id of Get/Set/Remove-WcxCustomFieldOption: the options of the -FieldName already typed (the list shows values, Tab inserts the id).</summary>
    public sealed class CustomFieldOptionIdCompleter : CustomFieldCompleter
    {
        internal override IEnumerable<CompletionResult> Complete(WcxClient client, string word, IDictionary fakeBoundParameters) =>
            CustomFieldOptionsForCompletion.FieldOf(fakeBoundParameters) is string field
                ? IdCompleter.Match(CustomFieldOptionsForCompletion.Options(client, field), word)
                    .Select(o => new CompletionResult(o.Id, o.Name + " (" + o.Id + ")", CompletionResultType.ParameterValue, o.Description))
                : Enumerable.Empty<CompletionResult>();
    }

    /// <summary>-Value of Get-WcxCustomFieldOption: the values of the -FieldName already typed.</summary>
    public sealed class CustomFieldOptionValueCompleter : CustomFieldCompleter
    {
        internal override IEnumerable<CompletionResult> Complete(WcxClient client, string word, IDictionary fakeBoundParameters) =>
            CustomFieldOptionsForCompletion.FieldOf(fakeBoundParameters) is string field
                ? CustomFieldOptionsForCompletion.Options(client, field)
                    .Where(o => o.Name.IndexOf(word, StringComparison.CurrentCultureIgnoreCase) >= 0)
                    .Select(o => new CompletionResult(CustomFieldOptionsForCompletion.SingleQuoted(o.Name), o.Name, CompletionResultType.ParameterValue, o.Description))
                : Enumerable.Empty<CompletionResult>();
    }
}
