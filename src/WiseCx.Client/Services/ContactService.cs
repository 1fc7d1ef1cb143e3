namespace WiseCx.Client.Services
{
    /// <summary>Contacts (/contacts) and their membership of contact groups (/contacts/{id}/groups/{gid}).</summary>
    public sealed class ContactService : ApiService
    {
        // The collection spells the list and create paths with a trailing slash; they are sent as it shows them.
        private const string CollectionPath = "contacts/";

        /// <summary>Used by <see cref="WcxClient.Contacts"/>.</summary>
        public ContactService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>Contacts, streamed page by page (the answer's <c>paging</c> object is not trusted).</summary>
        public IEnumerable<Contact> List(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            List<Contact>(Endpoints.Contacts, query, cancellationToken, onPage, CollectionPath);

        /// <summary>One contact by id (GET /contacts/{id}, answered bare), with only <paramref name="fields"/> when given.</summary>
        public Task<Contact> GetAsync(long id, IReadOnlyList<string>? fields, CancellationToken cancellationToken)
        {
            RequireId(id, "contact");
            return GetObjectAsync<Contact>("contacts/" + id, wrapped: false, cancellationToken, Endpoints.Contacts, fields);
        }

        /// <summary>Creates a contact; the API answers with its id only.</summary>
        public Task<ContactWriteResult> CreateAsync(ContactCreateRequest request, CancellationToken cancellationToken)
        {
            ValidateCreate(request ?? throw new ArgumentNullException(nameof(request)));
            return SendAsync<ContactWriteResult>(HttpMethod.Post, CollectionPath, request, wrapped: false, cancellationToken);
        }

        /// <summary>Changes a contact; the API answers with its id only.</summary>
        public Task<ContactWriteResult> UpdateAsync(long id, ContactUpdateRequest request, CancellationToken cancellationToken)
        {
            RequireId(id, "contact");
            ValidateUpdate(request ?? throw new ArgumentNullException(nameof(request)));
            return SendAsync<ContactWriteResult>(HttpMethod.Put, "contacts/" + id, request, wrapped: false, cancellationToken);
        }

        /// <summary>Deletes a contact; returns the API's acknowledgement ("Contact removed.").</summary>
        public Task<string?> RemoveAsync(long id, CancellationToken cancellationToken)
        {
            RequireId(id, "contact");
            return AcknowledgeAsync(HttpMethod.Delete, "contacts/" + id, null, cancellationToken);
        }

        /// <summary>Adds a contact to a contact group; returns the API's acknowledgement ("Contact added OK.").</summary>
        public Task<string?> AddToGroupAsync(long contactId, long groupId, CancellationToken cancellationToken)
        {
            RequireId(contactId, "contact", "ContactId");
            RequireId(groupId, "contact group", "GroupId");
            return AcknowledgeAsync(HttpMethod.Put, "contacts/" + contactId + "/groups/" + groupId, null, cancellationToken);
        }

        /// <summary>Takes a contact out of a contact group; returns the API's acknowledgement ("Contact removed OK.").</summary>
        public Task<string?> RemoveFromGroupAsync(long contactId, long groupId, CancellationToken cancellationToken)
        {
            RequireId(contactId, "contact", "ContactId");
            RequireId(groupId, "contact group", "GroupId");
            return AcknowledgeAsync(HttpMethod.Delete, "contacts/" + contactId + "/groups/" + groupId, null, cancellationToken);
        }

        /// <summary>Checks and normalises a create request (also done when it is sent), so callers can refuse bad input early.</summary>
        public static void ValidateCreate(ContactCreateRequest request)
        {
            request.Email = Trimmed(request.Email);
            request.PersonalId = Trimmed(request.PersonalId);
            request.Phone = Trimmed(request.Phone);
            if (request.Email is null && request.PersonalId is null && request.Phone is null)
                throw new WcxInputException("A contact needs at least one of Email, PersonalId or Phone.", "Email");
            CheckEmail(request.Email);
            if (request.OrganizationId.HasValue)
                RequireId(request.OrganizationId.Value, "organization", "OrganizationId");
        }

        /// <summary>Checks and normalises an update request (also done when it is sent).</summary>
        public static void ValidateUpdate(ContactUpdateRequest request)
        {
            if (request.IsEmpty())
                throw new WcxInputException("Nothing to change: give at least one property to set.");
            request.Email = Trimmed(request.Email);
            request.PersonalId = Trimmed(request.PersonalId);
            request.Phone = Trimmed(request.Phone);
            // The collection marks email, personal_id and phone "required unless another of them comes" on PUT as well.
            if (request.Email is null && request.PersonalId is null && request.Phone is null)
                throw new WcxInputException(
                    "The API needs at least one of Email, PersonalId or Phone on every contact update; give one of them " +
                    "(its current value is fine) along with the change.", "Email");
            CheckEmail(request.Email);
            if (request.OrganizationId.HasValue && request.OrganizationId.Value != ContactUpdateRequest.NoOrganization)
            {
                if (request.OrganizationId.Value <= 0)
                    throw new WcxInputException(
                        "An organization id is a positive number, or -1 to unlink the contact; got " + request.OrganizationId.Value + ".",
                        "OrganizationId");
            }
        }

        private static void CheckEmail(string? email)
        {
            if (email != null && (email.IndexOf('@') <= 0 || email.IndexOf('@') == email.Length - 1 || email.Any(char.IsWhiteSpace)))
                throw new WcxInputException("'" + email + "' is not an e-mail address.", "Email");
        }

        private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
