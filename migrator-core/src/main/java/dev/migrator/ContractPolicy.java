package dev.migrator;

/** What an upgrade does with contract-phase revisions. */
public enum ContractPolicy {
    /** Stop before the first contract-phase revision; it stays pending (state {@code CONTRACT_PENDING}). */
    DEFER,
    /** Apply contract-phase revisions like any other. */
    APPLY
}
