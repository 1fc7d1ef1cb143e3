namespace WiseCx
{
    /// <summary>
    /// The fields POST /contacts/ and PUT /contacts/{id} both take: at least one of email, personal id or phone, on an
    /// update too. Null members are not sent.
    /// </summary>
    public abstract class ContactWriteRequest
    {
        // Only the two request bodies below derive from it.
        private protected ContactWriteRequest() { }

        /// <summary>The contact's e-mail address; one of e-mail, personal id or phone is required.</summary>
        public string? Email { get; set; }

        /// <summary>The contact's personal id (DNI, CUIT, …).</summary>
        public string? PersonalId { get; set; }

        /// <summary>The contact's phone number.</summary>
        public string? Phone { get; set; }

        /// <summary>The contact's name.</summary>
        public string? Name { get; set; }

        /// <summary>A GUID of the account's own systems for the contact.</summary>
        public string? Guid { get; set; }

        /// <summary>The contact's password in clear: it exists only while the request is being written.</summary>
        public string? Password { get; set; }

        /// <summary>
        /// The organization the contact belongs to; on an update, -1 (<see cref="ContactUpdateRequest.NoOrganization"/>)
        /// unlinks the contact.
        /// </summary>
        public long? OrganizationId { get; set; }

        /// <summary>The contact's postal address.</summary>
        public string? Address { get; set; }

        /// <summary>Custom fields to set, as name/value pairs.</summary>
        public List<CustomField>? CustomFields { get; set; }
    }

    /// <summary>The body of POST /contacts/.</summary>
    public sealed class ContactCreateRequest : ContactWriteRequest
    {
    }

    /// <summary>The body of PUT /contacts/{id}. The API wants email, personal id or phone on every update too.</summary>
    public sealed class ContactUpdateRequest : ContactWriteRequest
    {
        /// <summary>The value of <see cref="ContactWriteRequest.OrganizationId"/> that unlinks the contact from its organization.</summary>
        public const long NoOrganization = -1;

        /// <summary>True when nothing would be sent.</summary>
        public bool IsEmpty() =>
            Email is null && PersonalId is null && Phone is null && Name is null && Guid is null && Password is null &&
            OrganizationId is null && Address is null && CustomFields is null;
    }

    /// <summary>The body of POST and PUT /contacts/organizations: both members are required to create.</summary>
    public sealed class OrganizationRequest
    {
        /// <summary>The organization's own identifier (CUIT, CUIL, …).</summary>
        public string? CustomId { get; set; }

        /// <summary>The organization's name.</summary>
        public string? Name { get; set; }
    }

    /// <summary>The body of POST /contacts/groups/.</summary>
    public sealed class ContactGroupCreateRequest
    {
        /// <summary>Required: the new group's name.</summary>
        public string Name { get; set; } = "";
    }
}
