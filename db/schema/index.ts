export * from "./users";
export * from "./assessments";
export * from "./exercises";
export * from "./training";
export * from "./migration-runs";
export * from "./auth";
export * from "./maintenance";
export * from "./history-imports";
