namespace WiseCx
{
    /// <summary>
    /// A WiseCX contact. Every property is optional because <c>-Property</c> (the API's <c>fields</c>) selects a subset;
    /// case activities embed contacts in this same shape.
    /// </summary>
    public sealed class Contact : WcxObject
    {
        public long Id { get; set; }
        public string? Email { get; set; }
        public string? PersonalId { get; set; }
        public string? Phone { get; set; }
        public string? Name { get; set; }
        public string? Guid { get; set; }
        public WcxList<CustomField>? CustomFields { get; set; }
        public DateTime? LastUpdate { get; set; }
        public long? OrganizationId { get; set; }
        public string? Address { get; set; }

        /// <summary>
        /// The contact's password when the API sent one (it does when asked for the field). It is not a property, so it is
        /// never displayed, exported (Export-Csv, ConvertTo-Json) or copied by Select-Object *: call this to read it on purpose.
        /// </summary>
        public string? GetPassword() => Withheld("password");

        public override string ToString()
        {
            var handle = !string.IsNullOrEmpty(Email) ? Email : !string.IsNullOrEmpty(Phone) ? Phone : PersonalId;
            return "Contact " + Id + (string.IsNullOrEmpty(Name) ? "" : " " + Name) + (string.IsNullOrEmpty(handle) ? "" : " <" + handle + ">");
        }
    }

    /// <summary>An organization contacts belong to (/contacts/organizations).</summary>
    public sealed class Organization : WcxObject
    {
        public long Id { get; set; }

        /// <summary>The organization's own identifier (CUIT, CUIL, …).</summary>
        public string? CustomId { get; set; }

        public string? Name { get; set; }

        public override string ToString() => "Organization " + Id + (string.IsNullOrEmpty(Name) ? "" : ": " + Name);
    }

    /// <summary>A group of contacts (/contacts/groups).</summary>
    public sealed class ContactGroup : WcxObject
    {
        public long Id { get; set; }

        /// <summary>A code WiseCX generates for the group.</summary>
        public string? Code { get; set; }

        public string? Name { get; set; }

        public override string ToString() => "Contact group " + Id + (string.IsNullOrEmpty(Name) ? "" : ": " + Name);
    }

    /// <summary>
    /// What POST and PUT on /contacts, /contacts/organizations and /contacts/groups answer, and DELETE on an organization:
    /// the object's id and nothing else.
    /// </summary>
    public sealed class ContactWriteResult : WcxObject
    {
        public long Id { get; set; }
    }
}
