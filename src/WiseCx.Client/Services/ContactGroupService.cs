namespace WiseCx.Client.Services
{
    /// <summary>Contact groups (/contacts/groups). Membership is on <see cref="ContactService"/>, as the API's paths put it.</summary>
    public sealed class ContactGroupService : IdFilteredService<ContactGroup>
    {
        /// <summary>Used by <see cref="WcxClient.ContactGroups"/>.</summary>
        public ContactGroupService(WcxConnection connection, Pager pager) : base(connection, pager, Endpoints.ContactGroups, "contact group", g => g.Id) { }

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
