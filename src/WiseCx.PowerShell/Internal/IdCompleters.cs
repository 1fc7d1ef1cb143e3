using System.Globalization;
using System.Management.Automation.Language;
using System.Threading;
using WiseCx.Client;
using WiseCx.Client.Paging;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Completes an id parameter with the objects of the session being used (-Session as typed, else the current one):
    /// the list shows each object's name, Tab inserts its id. Lists are read once a minute per session
    /// (<see cref="CompletionCache"/>); without a connected session, or when the API cannot be read, nothing is offered
    /// and nothing is reported.
    /// </summary>
    public abstract class IdCompleter : IArgumentCompleter
    {
        /// <summary>The most objects read for one list: enough for any real account, bounded for a runaway one.</summary>
        internal const int MaxItems = 1000;

        private static readonly CompletionResult[] None = new CompletionResult[0];

        /// <summary>The cache key of the list (one per endpoint).</summary>
        internal abstract string Kind { get; }

        /// <summary>Reads the list from the API.</summary>
        internal abstract IEnumerable<CompletionItem> Read(WcxClient client, CancellationToken cancellationToken);

        /// <summary>True where the API takes the name itself (case tags): the name is inserted, not the id.</summary>
        internal virtual bool InsertsName => false;

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var client = ClientFor(fakeBoundParameters, commandAst);
                if (client is null)
                    return None;
                var items = CompletionCache.Get(client, Kind, (c, token) => Read(c, token).Take(MaxItems).ToList());
                return Match(items, wordToComplete).Select(ToResult).ToList();
            }
            catch (Exception)
            {
                // Tab must never print an error: whatever went wrong, offer nothing.
                return None;
            }
        }

        /// <summary>Objects whose id starts with the word, or whose name contains it (wildcards allowed); id matches first.</summary>
        internal static IEnumerable<CompletionItem> Match(IEnumerable<CompletionItem> items, string? wordToComplete)
        {
            var word = (wordToComplete ?? "").Trim().Trim('\'', '"');
            if (word.Length == 0)
                return items.OrderBy(i => i.Name, StringComparer.CurrentCultureIgnoreCase);
            var wildcard = WildcardPattern.ContainsWildcardCharacters(word);
            var idPattern = WildcardPattern.Get(word + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            var namePattern = WildcardPattern.Get("*" + word + "*", WildcardOptions.IgnoreCase);
            return items
                .Select(i => new
                {
                    Item = i,
                    ById = wildcard ? idPattern.IsMatch(i.Id) : i.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase),
                    ByName = wildcard ? namePattern.IsMatch(i.Name) : i.Name.IndexOf(word, StringComparison.CurrentCultureIgnoreCase) >= 0,
                })
                .Where(m => m.ById || m.ByName)
                .OrderBy(m => m.ById ? 0 : 1)
                .ThenBy(m => m.Item.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(m => m.Item);
        }

        private CompletionResult ToResult(CompletionItem item) => InsertsName
            ? new CompletionResult(Quote(item.Name), item.Name, CompletionResultType.ParameterValue, item.Description)
            : new CompletionResult(item.Id, item.Name + " (" + item.Id + ")", CompletionResultType.ParameterValue, item.Description);

        /// <summary>A name as PowerShell reads it back as one argument: single-quoted when it holds anything but word characters.</summary>
        internal static string Quote(string text) =>
            text.Length > 0 && text.All(ch => char.IsLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '.') && !char.IsDigit(text[0]) && text[0] != '-'
                ? text
                : "'" + text.Replace("'", "''") + "'";

        /// <summary>
        /// The client of the session the command will use: -Session as typed (its value, when PowerShell could work it
        /// out without running anything), else the runspace's current session. A -Session that cannot be worked out
        /// gives none: better no completion than another account's ids.
        /// </summary>
        internal static WcxClient? ClientFor(IDictionary? fakeBoundParameters, CommandAst? commandAst)
        {
            WcxSession? session;
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Session"))
                session = AsSession(fakeBoundParameters["Session"]);
            else if (commandAst != null && commandAst.CommandElements.OfType<CommandParameterAst>().Any(p =>
                         p.ParameterName.Length >= 2 && "Session".StartsWith(p.ParameterName, StringComparison.OrdinalIgnoreCase)))
                session = null;
            else
                session = SessionStore.Get();
            return session?.State is WcxClient client && client.IsConnected ? client : null;
        }

        private static WcxSession? AsSession(object? value)
        {
            if (value is PSObject wrapped)
                value = wrapped.BaseObject;
            if (value is object[] array && array.Length == 1)
                return AsSession(array[0]);
            return value as WcxSession;
        }

        internal static ListQuery Query(params string[] fields) => new ListQuery { Fields = fields, First = MaxItems };

        internal static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

        internal static string Describe(string what, string id, string name, params string?[] details)
        {
            var extra = details.Where(d => !string.IsNullOrEmpty(d)).ToArray();
            return what + " " + id + ": " + name + (extra.Length > 0 ? " (" + string.Join(", ", extra) + ")" : "");
        }

        internal static string NameOr(string? name, string id) => string.IsNullOrWhiteSpace(name) ? id : name!.Trim();
    }

    /// <summary>Completes service group (queue) ids with the groups' names.</summary>
    public sealed class QueueIdCompleter : IdCompleter
    {
        internal override string Kind => "queues";

        internal override IEnumerable<CompletionItem> Read(WcxClient client, CancellationToken cancellationToken) =>
            client.Queues.List(Query("id", "name"), cancellationToken).Select(q =>
            {
                var id = Text(q.Id);
                var name = NameOr(q.Name, id);
                return new CompletionItem(id, name, Describe("Service group", id, name));
            });
    }

    /// <summary>Completes user (agent) ids with the users' names.</summary>
    public sealed class UserIdCompleter : IdCompleter
    {
        internal override string Kind => "users";

        internal override IEnumerable<CompletionItem> Read(WcxClient client, CancellationToken cancellationToken) =>
            client.Users.List(Query("id", "user_name", "nick", "first_name", "last_name", "is_bot"), cancellationToken).Select(u =>
            {
                var id = Text(u.Id);
                var fullName = ((u.FirstName ?? "") + " " + (u.LastName ?? "")).Trim();
                var name = NameOr(fullName.Length > 0 ? fullName : u.Nick ?? u.UserName, id);
                return new CompletionItem(id, name, Describe("User", id, name, u.UserName, u.IsBot == true ? "bot" : null));
            });
    }

    /// <summary>Completes contact group ids with the groups' names.</summary>
    public sealed class ContactGroupIdCompleter : IdCompleter
    {
        internal override string Kind => "contact-groups";

        internal override IEnumerable<CompletionItem> Read(WcxClient client, CancellationToken cancellationToken) =>
            client.ContactGroups.List(Query("id", "code", "name"), cancellationToken).Select(g =>
            {
                var id = Text(g.Id);
                var name = NameOr(g.Name, id);
                return new CompletionItem(id, name, Describe("Contact group", id, name, g.Code));
            });
    }

    /// <summary>Completes case type ids with the types' names.</summary>
    public sealed class CaseTypeIdCompleter : IdCompleter
    {
        internal override string Kind => "case-types";

        internal override IEnumerable<CompletionItem> Read(WcxClient client, CancellationToken cancellationToken) =>
            client.Cases.ListTypes(Query("id", "name", "parent_id"), cancellationToken).Select(t =>
            {
                var id = Text(t.Id);
                var name = NameOr(t.Name, id);
                return new CompletionItem(id, name, Describe("Case type", id, name, t.ParentId > 0 ? "under type " + t.ParentId : null));
            });
    }

    /// <summary>Completes case tags: the API takes tags by name, so the name is what is inserted.</summary>
    public sealed class CaseTagCompleter : IdCompleter
    {
        internal override string Kind => "case-tags";

        internal override bool InsertsName => true;

        internal override IEnumerable<CompletionItem> Read(WcxClient client, CancellationToken cancellationToken) =>
            client.Cases.ListTags(Query("id", "name"), cancellationToken)
                .Where(t => !string.IsNullOrWhiteSpace(t.Name))
                .Select(t => new CompletionItem(Text(t.Id), t.Name!, Describe("Tag", Text(t.Id), t.Name!)));
    }

    /// <summary>Completes WhatsApp template ids with the templates' names.</summary>
    public sealed class WhatsAppTemplateIdCompleter : IdCompleter
    {
        private const int ContentShown = 80;

        internal override string Kind => "whatsapp-templates";

        internal override IEnumerable<CompletionItem> Read(WcxClient client, CancellationToken cancellationToken) =>
            client.Channels.ListWhatsAppTemplates(Query("template_id", "name", "content"), cancellationToken).Select(t =>
            {
                var id = Text(t.TemplateId);
                var name = NameOr(t.Name, id);
                var content = t.Content is null ? null : t.Content.Length > ContentShown ? t.Content.Substring(0, ContentShown) + "…" : t.Content;
                return new CompletionItem(id, name, Describe("WhatsApp template", id, name, content));
            });
    }

    /// <summary>
    /// Completes a -Name that looks up existing objects by name (Get-WcxQueue -Name): the same lists and cache as the id
    /// completers, with the name inserted instead of the id.
    /// </summary>
    public abstract class NameCompleter<TIdCompleter> : IdCompleter where TIdCompleter : IdCompleter, new()
    {
        private static readonly TIdCompleter Ids = new TIdCompleter();

        /// <summary>The id completer's cache key: one list read serves both.</summary>
        internal override string Kind => Ids.Kind;

        internal override bool InsertsName => true;

        internal override IEnumerable<CompletionItem> Read(WcxClient client, CancellationToken cancellationToken) => Ids.Read(client, cancellationToken);
    }

    /// <summary>Completes Get-WcxQueue -Name with the service groups' names.</summary>
    public sealed class QueueNameCompleter : NameCompleter<QueueIdCompleter>
    {
    }

    /// <summary>Completes Get-WcxCaseType -Name with the case types' names.</summary>
    public sealed class CaseTypeNameCompleter : NameCompleter<CaseTypeIdCompleter>
    {
    }

    /// <summary>Completes Get-WcxUser -UserName with the users' login names (the list shows their full names beside them).</summary>
    public sealed class UserNameCompleter : IdCompleter
    {
        internal override string Kind => "user-names";

        internal override bool InsertsName => true;

        internal override IEnumerable<CompletionItem> Read(WcxClient client, CancellationToken cancellationToken) =>
            client.Users.List(Query("id", "user_name", "first_name", "last_name", "is_bot"), cancellationToken)
                .Where(u => !string.IsNullOrWhiteSpace(u.UserName))
                .Select(u =>
                {
                    var id = Text(u.Id);
                    var fullName = ((u.FirstName ?? "") + " " + (u.LastName ?? "")).Trim();
                    return new CompletionItem(id, u.UserName!.Trim(), Describe("User", id, u.UserName!.Trim(), fullName, u.IsBot == true ? "bot" : null));
                });
    }
}
