package dev.plinth.server.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The in-container tests, run inside Open Liberty (server {@code plinthArquillian}) by Arquillian:
 * CDI wiring, the JPA repositories and the transactional outbox relay, against the application as
 * built, with its embedded defaults.
 *
 * <p>One class, one deployment: Arquillian deploys per test class and a deployment of the
 * application costs seconds, so the scenarios are grouped in interfaces that this class implements
 * (JUnit runs their default test methods here, inside the server).
 */
@ExtendWith(ArquillianExtension.class)
class InContainerArqIT
    implements CdiWiringScenarios,
        WorkflowRepositoryScenarios,
        ExecutionRepositoryScenarios,
        OutboxRelayScenarios,
        DelayScenarios {

  @Inject Fixture fixture;

  @Deployment
  static WebArchive deployment() {
    return Deployments.application(
        InContainerArqIT.class,
        Fixture.class,
        Fixture.OutboxRow.class,
        CdiWiringScenarios.class,
        WorkflowRepositoryScenarios.class,
        ExecutionRepositoryScenarios.class,
        OutboxRelayScenarios.class,
        OutboxRelayScenarios.Deliveries.class,
        DelayScenarios.class);
  }

  /**
   * Arquillian injects the test instance while intercepting a {@code @BeforeEach} method. Waits
   * poll on the test's own thread, which has the application's context (JPA, transactions).
   */
  @BeforeEach
  void injected() {
    assertThat(fixture).as("the fixture injected by the application's CDI container").isNotNull();
    Awaitility.pollInSameThread();
  }

  @Override
  public Fixture fixture() {
    return fixture;
  }
}
