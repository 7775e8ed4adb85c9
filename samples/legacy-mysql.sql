-- The old Django system's tables as `mysqldump --single-transaction --skip-dump-date legacy` wrote them from
-- MariaDB 10.11: InnoDB, utf8mb4, Django's column types, keys and foreign-key constraints (a JSONField is
-- LONGTEXT with a json_valid check, a BooleanField tinyint(1), a DateTimeField a naive datetime(6) in UTC).
-- It holds the same records as legacy-dumpdata.json beside it, the invalid and orphaned ones included: a
-- mysqldump loads with foreign-key checks off, which is how a database restored from a backup (or one from
-- the MyISAM era) comes to hold rows whose parent is gone. (Without MariaDB's "sandbox mode" first line, so
-- MySQL's client loads it too.)
--
-- Load it:   mysql -e 'CREATE DATABASE legacy CHARACTER SET utf8mb4' && mysql legacy < samples/legacy-mysql.sql
-- Import it: LEGACY_DATABASE_URL=mysql://user:pass@127.0.0.1:3306/legacy npm run data:import-legacy -- --from-mysql

-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: legacy
-- ------------------------------------------------------
-- Server version	10.11.19-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Table structure for table `assessments_assessment`
--

DROP TABLE IF EXISTS `assessments_assessment`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `assessments_assessment` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `user_id` int(11) NOT NULL,
  `sport` varchar(100) DEFAULT NULL,
  `age` smallint(5) unsigned DEFAULT NULL CHECK (`age` >= 0),
  `experience` varchar(20) NOT NULL,
  `equipment` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL CHECK (json_valid(`equipment`)),
  `equipment_items` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`equipment_items`)),
  `created_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `assessments_assessment_user_id_aec59f0d_fk_auth_user_id` (`user_id`),
  CONSTRAINT `assessments_assessment_user_id_aec59f0d_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=14 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `assessments_assessment`
--

LOCK TABLES `assessments_assessment` WRITE;
/*!40000 ALTER TABLE `assessments_assessment` DISABLE KEYS */;
INSERT INTO `assessments_assessment` VALUES
(1,2,'Rugby',27,'Intermediate','[\"basic_equipment\", \"full_gym\"]','[\"dumbbells\", \"bench\"]','2022-01-01 00:00:00.000000'),
(2,3,'',34,'beginner','\"basic_equipment\"','[\"dumbbells\", \"resistance_bands\"]','2022-01-01 00:00:00.000000'),
(3,4,'Running',41,'novice','[\"basic_equipment\"]','[]','2022-01-01 00:00:00.000000'),
(4,5,NULL,29,'advanced','\"full_gym\"',NULL,'2022-01-01 00:00:00.000000'),
(5,6,'Swimming',22,'intermediate','[\"no_equipment\"]',NULL,'2023-03-15 12:30:00.250000'),
(6,7,'Climbing',31,'Advanced','[\"no_equipment\", \"basic_equipment\"]','[\"pull_up_bar\"]','2023-03-15 12:30:00.250000'),
(7,8,'Football',19,'beginner','\"basic_equipment\"',NULL,'2023-03-15 12:30:00.250000'),
(8,9,NULL,55,'expert','[\"full_gym\"]','[\"barbell\"]','2023-03-15 12:30:00.250000'),
(9,10,'Tennis',250,'intermediate','\"no_equipment\"','[]','2023-03-15 12:30:00.250000'),
(10,10,'Tennis',38,'intermediate','\"no_equipment\"','[]','2023-03-15 12:30:00.250000'),
(11,2,'Rugby',28,'advanced','\"full_gym\"','[]','2023-03-15 12:30:00.250000'),
(12,11,NULL,40,'beginner','\"no_equipment\"','[]','2023-03-15 12:30:00.250000'),
(13,1,'Coaching',45,'guru','\"full_gym\"','[]','2023-03-15 12:30:00.250000');
/*!40000 ALTER TABLE `assessments_assessment` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `auth_user`
--

DROP TABLE IF EXISTS `auth_user`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `auth_user` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `password` varchar(128) NOT NULL,
  `last_login` datetime(6) DEFAULT NULL,
  `is_superuser` tinyint(1) NOT NULL,
  `username` varchar(150) NOT NULL,
  `first_name` varchar(150) NOT NULL,
  `last_name` varchar(150) NOT NULL,
  `email` varchar(254) NOT NULL,
  `is_staff` tinyint(1) NOT NULL,
  `is_active` tinyint(1) NOT NULL,
  `date_joined` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `username` (`username`)
) ENGINE=InnoDB AUTO_INCREMENT=13 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `auth_user`
--

LOCK TABLES `auth_user` WRITE;
/*!40000 ALTER TABLE `auth_user` DISABLE KEYS */;
INSERT INTO `auth_user` VALUES
(1,'pbkdf2_sha256$600000$AOo8x8GsoyHizBEgb73zBk$kje0qzvEilfw/7dCZ57nfoXBqfbuZXqJDuSFjHD05+4=','2024-03-01 09:12:44.512000',1,'coach_maria','Maria','Okafor','maria.okafor@oldgym.example',1,1,'2021-01-04 09:00:00.000000'),
(2,'pbkdf2_sha256$260000$VonGQOsv2db3EnaeeosQV8$pb2xolc592sq5twXBNIXJTFPMV/aekULxSOvmSKXgzM=',NULL,0,'jreid','James','Reid','James.Reid@Example.com',0,1,'2021-02-11 18:22:05.114000'),
(3,'pbkdf2_sha256$600000$fbyKLHoPV4fz1VGX6lc87v$NSf5XkNMc+7eoIwUESUTi8EyOy8WD7YTgluxZcNg788=',NULL,0,'priya','Priya','Shah','priya.shah@example.com',0,1,'2021-03-02 07:45:00.000000'),
(4,'!5g0MYCTi5SpdzjfLfIIJkJWnvEdlht7IvKFtBoj4',NULL,0,'tbecker','Tom','Becker','tom.becker@example.com',0,1,'2021-05-19 12:00:00.000000'),
(5,'pbkdf2_sha1$30000$EFk3ouAPJsmy9rdYS9NJ8r$Swa8qtQlJ4qZNxsTzubp3/A+LaA=',NULL,0,'lena_n','Lena','Novák','lena.novak@example.com',0,1,'2021-07-30 16:10:00.000000'),
(6,'',NULL,0,'diego','Diego','Álvarez','diego.alvarez@example.com',0,1,'2022-01-15 10:30:00.000000'),
(7,'pbkdf2_sha256$870000$FSbV9rbqd2qCat0LCSV5Fd$KbNYLmp6mzqilbUOrtmhx8ikHTXXJqqcfZqNRIFI8LY=',NULL,0,'aiko','','','aiko.tanaka@example.com',0,1,'2022-03-08 08:00:00.000000'),
(8,'md5$9Ykq$d658fcc29e4ef581b8c4c78e9ead3e07',NULL,0,'sam.oc','Sam','O\'Connor','sam.oconnor@example.com',0,1,'2022-06-21 19:45:00.000000'),
(9,'pbkdf2_sha256$720000$Qh8lFaq62k7LpFxSnk59xk$8aDoVc3hHjkiA/BO6rBJMTBoldiyzWZbCTkWm0LH44Q=',NULL,0,'fatima','Fatima','Zahra','fatima.zahra@example.com',0,0,'2022-09-02 06:15:00.000000'),
(10,'!cwNUN573G8PHr0ZQl7BemoaHaxnD4bGg5If9Oiw1',NULL,0,'noahw','Noah','Williams','noah.williams@example.com',0,1,'2023-01-10 13:00:00.000000'),
(11,'pbkdf2_sha256$1000$Q1UH8UpinzhJix6UMEFSzI$I8g9as1+HbRcv3pgDVe2AtzqG4vHnEQoFA6fOTKGr1Q=',NULL,0,'ghost','Ghost','User','',0,1,'2023-02-14 00:00:00.000000'),
(12,'pbkdf2_sha256$1000$NO5RrQQ2vWXUwoftahsJO4$XDsJ0c1BWjx8Rne+1BhRSwuQyWbblOtZU/KKnkuUtvU=',NULL,0,'jreid2','James','Reid','JAMES.REID@example.com',0,1,'2023-05-01 10:00:00.000000');
/*!40000 ALTER TABLE `auth_user` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `django_admin_log`
--

DROP TABLE IF EXISTS `django_admin_log`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `django_admin_log` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `action_time` datetime(6) NOT NULL,
  `object_id` longtext DEFAULT NULL,
  `object_repr` varchar(200) NOT NULL,
  `action_flag` smallint(5) unsigned NOT NULL CHECK (`action_flag` >= 0),
  `change_message` longtext NOT NULL,
  `content_type_id` int(11) DEFAULT NULL,
  `user_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `django_admin_log_content_type_id_c4bce8eb_fk_django_co` (`content_type_id`),
  KEY `django_admin_log_user_id_c564eba6_fk_auth_user_id` (`user_id`),
  CONSTRAINT `django_admin_log_content_type_id_c4bce8eb_fk_django_co` FOREIGN KEY (`content_type_id`) REFERENCES `django_content_type` (`id`),
  CONSTRAINT `django_admin_log_user_id_c564eba6_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `django_admin_log`
--

LOCK TABLES `django_admin_log` WRITE;
/*!40000 ALTER TABLE `django_admin_log` DISABLE KEYS */;
INSERT INTO `django_admin_log` VALUES
(1,'2024-03-01 09:15:00.000000','9','Kettlebell Swing',2,'[]',1,1);
/*!40000 ALTER TABLE `django_admin_log` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `django_content_type`
--

DROP TABLE IF EXISTS `django_content_type`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `django_content_type` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `app_label` varchar(100) NOT NULL,
  `model` varchar(100) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `django_content_type_app_label_model_76bd3d3b_uniq` (`app_label`,`model`)
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `django_content_type`
--

LOCK TABLES `django_content_type` WRITE;
/*!40000 ALTER TABLE `django_content_type` DISABLE KEYS */;
INSERT INTO `django_content_type` VALUES
(2,'assessments','assessment'),
(1,'workouts','workout');
/*!40000 ALTER TABLE `django_content_type` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `django_session`
--

DROP TABLE IF EXISTS `django_session`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `django_session` (
  `session_key` varchar(40) NOT NULL,
  `session_data` longtext NOT NULL,
  `expire_date` datetime(6) NOT NULL,
  PRIMARY KEY (`session_key`),
  KEY `django_session_expire_date_a5c62663` (`expire_date`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `django_session`
--

LOCK TABLES `django_session` WRITE;
/*!40000 ALTER TABLE `django_session` DISABLE KEYS */;
INSERT INTO `django_session` VALUES
('q8w1x0ky3c2l9v7d','e30:1pQ2xq:abc','2024-04-01 12:00:00.000000');
/*!40000 ALTER TABLE `django_session` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `workouts_split`
--

DROP TABLE IF EXISTS `workouts_split`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `workouts_split` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `split_name` varchar(100) NOT NULL,
  `user_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `workouts_split_user_id_d2bf9f4d_fk_auth_user_id` (`user_id`),
  CONSTRAINT `workouts_split_user_id_d2bf9f4d_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=9 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `workouts_split`
--

LOCK TABLES `workouts_split` WRITE;
/*!40000 ALTER TABLE `workouts_split` DISABLE KEYS */;
INSERT INTO `workouts_split` VALUES
(1,'Push Pull Legs',2),
(2,'Upper/Lower 📅',3),
(3,'Full Body 3x 📅',5),
(4,'Home Dumbbell',4),
(5,'Ghost split',11),
(6,'Orphan split',42),
(7,'',6),
(8,'Push Pull Legs 📅',2);
/*!40000 ALTER TABLE `workouts_split` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `workouts_splitday`
--

DROP TABLE IF EXISTS `workouts_splitday`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `workouts_splitday` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `split_id` bigint(20) NOT NULL,
  `day_name` varchar(50) DEFAULT NULL,
  `day_order` smallint(5) unsigned NOT NULL CHECK (`day_order` >= 0),
  PRIMARY KEY (`id`),
  KEY `workouts_splitday_split_id_7aac6add_fk_workouts_split_id` (`split_id`),
  CONSTRAINT `workouts_splitday_split_id_7aac6add_fk_workouts_split_id` FOREIGN KEY (`split_id`) REFERENCES `workouts_split` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=12 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `workouts_splitday`
--

LOCK TABLES `workouts_splitday` WRITE;
/*!40000 ALTER TABLE `workouts_splitday` DISABLE KEYS */;
INSERT INTO `workouts_splitday` VALUES
(1,1,'Push',1),
(2,1,'Pull',2),
(3,1,'Legs',3),
(4,2,'Upper',1),
(5,2,'Lower',2),
(6,3,'Day A',1),
(7,3,'Day B',2),
(8,4,'Arms',1),
(9,5,'Ghost day',1),
(10,77,'Lost day',1),
(11,3,NULL,3);
/*!40000 ALTER TABLE `workouts_splitday` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `workouts_splitday_workouts`
--

DROP TABLE IF EXISTS `workouts_splitday_workouts`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `workouts_splitday_workouts` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `splitday_id` bigint(20) NOT NULL,
  `workout_id` bigint(20) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `workouts_splitday_workouts_splitday_id_workout_id_0d31bc85_uniq` (`splitday_id`,`workout_id`),
  KEY `workouts_splitday_wo_workout_id_c66edd12_fk_workouts_` (`workout_id`),
  CONSTRAINT `workouts_splitday_wo_splitday_id_9e139a42_fk_workouts_` FOREIGN KEY (`splitday_id`) REFERENCES `workouts_splitday` (`id`),
  CONSTRAINT `workouts_splitday_wo_workout_id_c66edd12_fk_workouts_` FOREIGN KEY (`workout_id`) REFERENCES `workouts_workout` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=26 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `workouts_splitday_workouts`
--

LOCK TABLES `workouts_splitday_workouts` WRITE;
/*!40000 ALTER TABLE `workouts_splitday_workouts` DISABLE KEYS */;
INSERT INTO `workouts_splitday_workouts` VALUES
(1,1,1),
(2,1,6),
(3,1,11),
(5,2,4),
(4,2,7),
(6,3,2),
(7,3,3),
(8,3,9),
(9,4,1),
(10,4,4),
(11,4,7),
(12,5,2),
(13,5,3),
(14,5,14),
(16,6,1),
(15,6,2),
(17,6,4),
(18,7,3),
(19,7,6),
(20,7,7),
(22,8,5),
(21,8,12),
(23,9,1),
(24,10,2),
(25,11,8);
/*!40000 ALTER TABLE `workouts_splitday_workouts` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `workouts_workout`
--

DROP TABLE IF EXISTS `workouts_workout`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `workouts_workout` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `workout_name` varchar(200) NOT NULL,
  `type` varchar(50) NOT NULL,
  `notes` longtext NOT NULL,
  `user_id` int(11) DEFAULT NULL,
  `created_at` datetime(6) NOT NULL,
  `difficulty_level` varchar(20) DEFAULT NULL,
  `equipment_required` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`equipment_required`)),
  PRIMARY KEY (`id`),
  KEY `workouts_workout_user_id_973b8a96_fk_auth_user_id` (`user_id`),
  CONSTRAINT `workouts_workout_user_id_973b8a96_fk_auth_user_id` FOREIGN KEY (`user_id`) REFERENCES `auth_user` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=20 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `workouts_workout`
--

LOCK TABLES `workouts_workout` WRITE;
/*!40000 ALTER TABLE `workouts_workout` DISABLE KEYS */;
INSERT INTO `workouts_workout` VALUES
(1,'Bench Press','Barbell','Touch the chest, press to lockout.',1,'2021-01-05 10:00:00.000000','2','[\"barbell\", \"bench\"]'),
(2,'Back Squat','barbell','',1,'2021-01-05 10:05:00.000000','3','[\"barbell\", \"squat_rack\"]'),
(3,'Deadlift','BARBELL','Added before difficulty existed.',1,'2021-01-05 10:10:00.000000',NULL,NULL),
(4,'Dumbbell Row','Dumbbell','',1,'2021-01-06 09:00:00.000000','2','[\"dumbbells\", \"bench\"]'),
(5,'Goblet Squat','dumbbells','',1,'2021-01-06 09:05:00.000000','beginner','[\"dumbbells\"]'),
(6,'Push-up','Bodyweight','',1,'2021-01-06 09:10:00.000000','1','[]'),
(7,'Pull-up','body weight','',1,'2021-01-06 09:15:00.000000','advanced','[\"pull_up_bar\"]'),
(8,'Plank','bodyweight','',1,'2021-01-06 09:20:00.000000',NULL,NULL),
(9,'Kettlebell Swing','Kettlebell','',1,'2021-02-01 09:00:00.000000','2','[\"kettlebells\"]'),
(10,'Cable Fly','Cable','',1,'2021-02-01 09:05:00.000000','2','[\"cable_machine\"]'),
(11,'bench  press ','barbell','Duplicate entered by hand.',1,'2021-02-02 09:00:00.000000','2','[\"barbell\", \"bench\"]'),
(12,'Hammer Curl','DB','Tom\'s own.',4,'2021-06-01 17:00:00.000000','1','\"dumbbells\"'),
(13,'Overhead Press','Barbell','',1,'2021-02-03 09:00:00.000000','7','[\"barbell\"]'),
(14,'Walking Lunge','Body-Weight','James\'s own.',2,'2021-06-01 08:30:00.000000','2','[]'),
(15,'','barbell','',1,'2021-02-04 09:00:00.000000','1','[]'),
(16,'Hip Thrust','barbell','',11,'2023-02-15 00:00:00.000000','2','[\"barbell\", \"bench\"]'),
(17,'Bench Press 💪','barbell','Saved again after the guide\'s transform: a second Bench Press.',1,'2021-03-01 09:00:00.000000','2','[\"barbell\", \"bench\"]'),
(18,'Front Squats 🦵','barbell','',1,'2021-03-01 09:05:00.000000','3','[\"barbell\", \"squat_rack\"]'),
(19,'Close-Grip Bench Press 💪','barbell','Tom\'s own.',4,'2021-06-02 17:00:00.000000','2','[\"barbell\", \"bench\"]');
/*!40000 ALTER TABLE `workouts_workout` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `workouts_workoutmuscle`
--

DROP TABLE IF EXISTS `workouts_workoutmuscle`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `workouts_workoutmuscle` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `workout_id` bigint(20) NOT NULL,
  `muscle` varchar(100) NOT NULL,
  `activation_rating` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `workouts_workoutmusc_workout_id_60f02ee0_fk_workouts_` (`workout_id`),
  CONSTRAINT `workouts_workoutmusc_workout_id_60f02ee0_fk_workouts_` FOREIGN KEY (`workout_id`) REFERENCES `workouts_workout` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=29 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `workouts_workoutmuscle`
--

LOCK TABLES `workouts_workoutmuscle` WRITE;
/*!40000 ALTER TABLE `workouts_workoutmuscle` DISABLE KEYS */;
INSERT INTO `workouts_workoutmuscle` VALUES
(1,1,'Chest',90),
(2,1,'Triceps',60),
(3,1,'Front Delts',45),
(4,2,'Quads',95),
(5,2,'Glutes',80),
(6,2,'Hamstrings',40),
(7,3,'Hamstrings',85),
(8,3,'Lower Back',80),
(9,3,'Glutes',75),
(10,4,'Lats',85),
(11,4,'Biceps',50),
(12,5,'Quadriceps',80),
(13,6,'Chest',75),
(14,6,'Triceps',55),
(15,7,'Lats',90),
(16,7,'Biceps',60),
(17,8,'Abs',80),
(18,8,'Obliques',50),
(19,12,'Biceps',95),
(20,12,'Forearms',60),
(21,14,'Quads',70),
(22,14,'Glutes',70),
(23,9,'Glutes',80),
(24,1,'Spleen',10),
(25,5,'Glutes',150),
(26,11,'Chest',90),
(27,99,'Chest',50),
(28,1,'chest',80);
/*!40000 ALTER TABLE `workouts_workoutmuscle` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed
