using WiseCx.Client.Filtering;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>Field names of /contacts.</summary>
    public sealed class ContactFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.Contacts;
    }

    /// <summary>Field names of /contacts/organizations.</summary>
    public sealed class OrganizationFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.Organizations;
    }

    /// <summary>Field names of /contacts/groups.</summary>
    public sealed class ContactGroupFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.ContactGroups;
    }

    /// <summary>Field names of /cases/{id}/activities.</summary>
    public sealed class CaseActivityFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.CaseActivities;
    }

    /// <summary>Field names of /cases/types.</summary>
    public sealed class CaseTypeFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.CaseTypes;
    }

    /// <summary>Field names of /cases/tags.</summary>
    public sealed class CaseTagFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.CaseTags;
    }
}
