// Small Kafka admin CLI on the AdminClient from kafka-clients, run from the broker's own jars as a
// single-file source program (no build step):
//   java -cp '<libs>/*' tools/kafka/KafkaAdmin.java [--bootstrap-server HOST:PORT] COMMAND ...
// or simply tools/kafka/admin.sh COMMAND ...
//
// Commands:
//   wait [TIMEOUT_S]                          until the cluster answers with at least one broker
//   list                                      topic names, one per line (internal topics excluded)
//   describe TOPIC                            partitions, leaders, replicas, ISR
//   create-topic TOPIC [PARTITIONS] [RF] [key=value ...]   no-op when the topic already exists
//   delete-topic TOPIC                        no-op when the topic does not exist
//   groups                                    consumer group ids
//
// Why not org.apache.kafka.tools.TopicCommand: the kafka-tools artifact is not published on
// Maven Central for every kafka_2.13 version (4.4.0 is missing), kafka-clients always is.
import java.util.*;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

public class KafkaAdmin {
  public static void main(String[] argv) throws Exception {
    List<String> args = new ArrayList<>(Arrays.asList(argv));
    String bootstrap = System.getenv().getOrDefault("KAFKA_BROKERS", "127.0.0.1:9092");
    int i = args.indexOf("--bootstrap-server");
    if (i >= 0) {
      bootstrap = args.get(i + 1);
      args.remove(i + 1);
      args.remove(i);
    }
    if (args.isEmpty()) usage();
    String cmd = args.remove(0);

    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "closedloop-kafka-admin");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");

    int code;
    try (Admin admin = Admin.create(props)) {
      code = switch (cmd) {
        case "wait" -> waitReady(admin, args.isEmpty() ? 60 : Integer.parseInt(args.get(0)));
        case "list" -> list(admin);
        case "describe" -> describe(admin, need(args, 0, "TOPIC"));
        case "create-topic" -> create(admin, args);
        case "delete-topic" -> delete(admin, need(args, 0, "TOPIC"));
        case "groups" -> groups(admin);
        default -> { usage(); yield 2; }
      };
    }
    System.exit(code);
  }

  static String need(List<String> args, int idx, String name) {
    if (args.size() <= idx) {
      System.err.println("missing argument " + name);
      usage();
    }
    return args.get(idx);
  }

  static void usage() {
    System.err.println("usage: KafkaAdmin [--bootstrap-server HOST:PORT] "
        + "wait [TIMEOUT_S] | list | describe TOPIC | create-topic TOPIC [PARTITIONS] [RF] [key=value ...]"
        + " | delete-topic TOPIC | groups");
    System.exit(2);
  }

  static int waitReady(Admin admin, int timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    Throwable last = null;
    while (System.nanoTime() < deadline) {
      try {
        DescribeClusterResult r = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
        Collection<Node> nodes = r.nodes().get(4, TimeUnit.SECONDS);
        if (!nodes.isEmpty()) {
          System.out.println("cluster " + r.clusterId().get(4, TimeUnit.SECONDS) + ": " + nodes.size()
              + " broker(s) " + nodes);
          return 0;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(250);
    }
    System.err.println("Kafka did not answer within " + timeoutSeconds + "s" + (last == null ? "" : ": " + rootMessage(last)));
    return 1;
  }

  static int list(Admin admin) throws Exception {
    new TreeSet<>(admin.listTopics().names().get()).forEach(System.out::println);
    return 0;
  }

  static int describe(Admin admin, String topic) throws Exception {
    TopicDescription d;
    try {
      d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    } catch (ExecutionException e) {
      System.err.println(rootMessage(e));
      return 1;
    }
    System.out.println("Topic: " + d.name() + "\tTopicId: " + d.topicId() + "\tPartitionCount: " + d.partitions().size());
    for (TopicPartitionInfo p : d.partitions()) {
      System.out.println("\tPartition: " + p.partition() + "\tLeader: " + (p.leader() == null ? "none" : p.leader().id())
          + "\tReplicas: " + ids(p.replicas()) + "\tIsr: " + ids(p.isr()));
    }
    return 0;
  }

  static String ids(List<Node> nodes) {
    StringJoiner j = new StringJoiner(",");
    nodes.forEach(n -> j.add(String.valueOf(n.id())));
    return j.toString();
  }

  static int create(Admin admin, List<String> args) throws Exception {
    String topic = need(args, 0, "TOPIC");
    Optional<Integer> partitions = Optional.empty();
    Optional<Short> rf = Optional.empty();
    Map<String, String> configs = new LinkedHashMap<>();
    int positional = 0;
    for (String a : args.subList(1, args.size())) {
      if (a.contains("=")) {
        String[] kv = a.split("=", 2);
        configs.put(kv[0], kv[1]);
      } else if (positional++ == 0) {
        partitions = Optional.of(Integer.parseInt(a));
      } else {
        rf = Optional.of(Short.parseShort(a));
      }
    }
    NewTopic nt = new NewTopic(topic, partitions, rf).configs(configs);
    try {
      admin.createTopics(List.of(nt)).all().get();
      System.out.println("created topic " + topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        System.out.println("topic " + topic + " already exists");
      } else {
        System.err.println("could not create topic " + topic + ": " + rootMessage(e));
        return 1;
      }
    }
    return 0;
  }

  static int delete(Admin admin, String topic) throws Exception {
    try {
      admin.deleteTopics(List.of(topic)).all().get();
      System.out.println("deleted topic " + topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        System.out.println("topic " + topic + " does not exist");
      } else {
        System.err.println("could not delete topic " + topic + ": " + rootMessage(e));
        return 1;
      }
    }
    return 0;
  }

  static int groups(Admin admin) throws Exception {
    // listGroups() exists from Kafka 4.0 on; the broker jars are 4.x.
    admin.listGroups().all().get().stream().map(GroupListing::groupId).sorted().forEach(System.out::println);
    return 0;
  }

  static String rootMessage(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
