package dev.alertwire.domain.delivery;

/** Why a delivery exists: a real alert, a console or API test-send, or a manual redelivery. */
public enum DeliveryKind {
  ALERT,
  TEST,
  REDELIVERY
}
