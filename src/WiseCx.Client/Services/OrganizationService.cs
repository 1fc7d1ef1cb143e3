namespace WiseCx.Client.Services
{
    /// <summary>Organizations (/contacts/organizations). The API has no GET by id: ids are looked up with its filter.</summary>
    public sealed class OrganizationService : IdFilteredService<Organization>
    {
        /// <summary>Used by <see cref="WcxClient.Organizations"/>.</summary>
        public OrganizationService(WcxConnection connection, Pager pager) : base(connection, pager, Endpoints.Organizations, "organization", o => o.Id) { }

        /// <summary>Creates an organization; the API answers with its id only.</summary>
        public Task<ContactWriteResult> CreateAsync(OrganizationRequest request, CancellationToken cancellationToken)
        {
            if (request is null)
                throw new ArgumentNullException(nameof(request));
            RequireText(request.CustomId, "CustomId");
            RequireText(request.Name, "Name");
            return SendAsync<ContactWriteResult>(HttpMethod.Post, "contacts/organizations/", request, wrapped: false, cancellationToken);
        }

        /// <summary>Changes an organization's custom id or name; refuses a request that changes neither.</summary>
        public Task<ContactWriteResult> UpdateAsync(long id, OrganizationRequest request, CancellationToken cancellationToken)
        {
            RequireId(id, "organization");
            if (request is null)
                throw new ArgumentNullException(nameof(request));
            if (string.IsNullOrWhiteSpace(request.CustomId) && string.IsNullOrWhiteSpace(request.Name))
                throw new WcxInputException("Nothing to change: give -CustomId or -Name.");
            return SendAsync<ContactWriteResult>(HttpMethod.Put, "contacts/organizations/" + id, request, wrapped: false, cancellationToken);
        }

        /// <summary>Deletes an organization (the API answers with its id, not a message).</summary>
        public Task<string?> RemoveAsync(long id, CancellationToken cancellationToken)
        {
            RequireId(id, "organization");
            return AcknowledgeAsync(HttpMethod.Delete, "contacts/organizations/" + id, null, cancellationToken);
        }
    }
}
