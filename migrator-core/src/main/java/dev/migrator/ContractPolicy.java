package dev.migrator;

/** What an upgrade does with contract-phase revisions. */
public enum ContractPolicy {
    /**
     * Leave every contract-phase revision, and every revision that needs one (children, dependents),
     * pending; apply everything else. When only such revisions remain the state is
     * {@code CONTRACT_PENDING}.
     */
    DEFER,
    /** Apply contract-phase revisions like any other. */
    APPLY
}
