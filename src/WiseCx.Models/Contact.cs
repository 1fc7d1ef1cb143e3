namespace WiseCx
{
    /// <summary>
    /// A WiseCX contact. Every property is optional because <c>-Property</c> (the API's <c>fields</c>) selects a subset;
    /// case activities embed contacts in this same shape.
    /// </summary>
    public sealed class Contact : WcxObject
    {
        /// <summary>The contact id.</summary>
        public long Id { get; set; }

        /// <summary>The contact's e-mail address; empty or null when it has none.</summary>
        public string? Email { get; set; }

        /// <summary>The contact's personal id (DNI, CUIT, …), a free identifier of the account's choosing.</summary>
        public string? PersonalId { get; set; }

        /// <summary>The contact's phone number.</summary>
        public string? Phone { get; set; }

        /// <summary>The contact's name.</summary>
        public string? Name { get; set; }

        /// <summary>A GUID the account's own systems gave the contact.</summary>
        public string? Guid { get; set; }

        /// <summary>The contact's custom fields, as name/value pairs.</summary>
        public WcxList<CustomField>? CustomFields { get; set; }

        /// <summary>When the contact last changed, in local time.</summary>
        public DateTime? LastUpdate { get; set; }

        /// <summary>The organization the contact belongs to.</summary>
        public long? OrganizationId { get; set; }

        /// <summary>The contact's postal address.</summary>
        public string? Address { get; set; }

        /// <summary>
        /// The contact's password when the API sent one (it does when asked for the field). It is not a property, so it is
        /// never displayed, exported (Export-Csv, ConvertTo-Json) or copied by Select-Object *: call this to read it on purpose.
        /// </summary>
        public string? GetPassword() => Withheld("password");

        /// <summary>The id, name and first of e-mail, phone and personal id, e.g. <c>Contact 6594517 Jhon Doe &lt;j.doe@test.com&gt;</c>.</summary>
        public override string ToString()
        {
            var handle = !string.IsNullOrEmpty(Email) ? Email : !string.IsNullOrEmpty(Phone) ? Phone : PersonalId;
            return "Contact " + Id + (string.IsNullOrEmpty(Name) ? "" : " " + Name) + (string.IsNullOrEmpty(handle) ? "" : " <" + handle + ">");
        }
    }

    /// <summary>An organization contacts belong to (/contacts/organizations).</summary>
    public sealed class Organization : WcxObject
    {
        /// <summary>The organization id, as a contact's <see cref="Contact.OrganizationId"/> names it.</summary>
        public long Id { get; set; }

        /// <summary>The organization's own identifier (CUIT, CUIL, …).</summary>
        public string? CustomId { get; set; }

        /// <summary>The organization's name.</summary>
        public string? Name { get; set; }

        /// <summary>The id and name, e.g. <c>Organization 14: Acme</c>.</summary>
        public override string ToString() => "Organization " + Id + (string.IsNullOrEmpty(Name) ? "" : ": " + Name);
    }

    /// <summary>A group of contacts (/contacts/groups).</summary>
    public sealed class ContactGroup : WcxObject
    {
        /// <summary>The group id; simple Nitro campaigns are sent to groups by it.</summary>
        public long Id { get; set; }

        /// <summary>A code WiseCX generates for the group, e.g. BKA0389.</summary>
        public string? Code { get; set; }

        /// <summary>The group's name.</summary>
        public string? Name { get; set; }

        /// <summary>The id and name, e.g. <c>Contact group 389: Group 01</c>.</summary>
        public override string ToString() => "Contact group " + Id + (string.IsNullOrEmpty(Name) ? "" : ": " + Name);
    }

    /// <summary>
    /// What POST and PUT on /contacts, /contacts/organizations and /contacts/groups answer, and DELETE on an organization:
    /// the object's id and nothing else.
    /// </summary>
    public sealed class ContactWriteResult : WcxObject
    {
        /// <summary>The id of the contact, organization or group written (or deleted).</summary>
        public long Id { get; set; }
    }
}
