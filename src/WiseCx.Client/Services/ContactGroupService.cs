namespace WiseCx.Client.Services
{
    /// <summary>Contact groups (/contacts/groups). Membership is on <see cref="ContactService"/>, as the API's paths put it.</summary>
    public sealed class ContactGroupService : ApiService
    {
        public ContactGroupService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        public IEnumerable<ContactGroup> List(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            List<ContactGroup>(Endpoints.ContactGroups, query, cancellationToken, onPage);

        /// <summary>The groups with these ids, found with <c>id IN (…)</c> (the API has no GET by id).</summary>
        public IEnumerable<ContactGroup> Get(IReadOnlyCollection<long> ids, IReadOnlyList<string>? fields, CancellationToken cancellationToken) =>
            IdLookup.Find(Endpoints.ContactGroups, ids, fields, "contact group", q => List(q, cancellationToken), g => g.Id);

        /// <summary>One group by id, or <see cref="WcxNotFoundException"/>.</summary>
        public ContactGroup Get(long id, CancellationToken cancellationToken) =>
            IdLookup.Single(Endpoints.ContactGroups, id, "contact group", q => List(q, cancellationToken), g => g.Id);

        /// <summary>Creates a group; the API answers with its id only.</summary>
        public Task<ContactWriteResult> CreateAsync(ContactGroupCreateRequest request, CancellationToken cancellationToken)
        {
            if (request is null)
                throw new ArgumentNullException(nameof(request));
            RequireText(request.Name, "Name");
            return SendAsync<ContactWriteResult>(HttpMethod.Post, "contacts/groups/", request, wrapped: false, cancellationToken);
        }
    }
}
